// The watcher's side of the ledger: loads it once, then saves after each decision that changed
// the memory, one write at a time. Never throws: a failed write is logged.
import type { Logger } from '../log.js';
import type { Clock } from './clock.js';
import type { WatchMemory } from './decide.js';
import { loadMemory, saveMemory } from './ledger.js';

/**
 * What a save must capture. Every poll moves `lastSeenAt`, which only serves the 24-hour
 * pruning: counted in minutes, an unchanged call list costs one disk write a minute, not one
 * every poll.
 */
function fingerprint(memory: WatchMemory): string {
  return JSON.stringify(memory, (key, value: unknown) =>
    key === 'lastSeenAt' && typeof value === 'number' ? Math.floor(value / 60_000) : value,
  );
}

/**
 * Saves the memory after each decision that changed it, one write at a time: a save asked for
 * while one is running waits, and only the newest memory is written.
 */
export function createLedgerWriter(dir: string, clock: Clock, log: Logger) {
  let lastSaved = '';
  let writing: Promise<void> = Promise.resolve();

  function save(memory: WatchMemory): Promise<void> {
    const text = fingerprint(memory);
    if (text === lastSaved) return writing;
    lastSaved = text;
    writing = writing.then(async () => {
      if (text !== lastSaved) return; // a newer save is queued behind this one
      try {
        await saveMemory(dir, memory, clock.now());
      } catch (e) {
        log.error(
          `Could not save what was already alerted to ${dir}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    });
    return writing;
  }

  return {
    async load(): Promise<WatchMemory> {
      const { memory, warning } = await loadMemory(dir, clock.now());
      if (warning) log.warn(warning);
      lastSaved = fingerprint(memory);
      return memory;
    },
    save,
    async flush(memory: WatchMemory): Promise<void> {
      lastSaved = '';
      await save(memory);
    },
  };
}
