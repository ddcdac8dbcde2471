// The watcher's side of the ledger: loads it once, then saves after each decision that changed
// the memory, one write at a time. Never throws: a failed write is logged.
import type { Logger } from '../log.js';
import type { Clock } from './clock.js';
import type { WatchMemory } from './decide.js';
import { loadMemory, newJournal, saveMemory } from './ledger.js';

/**
 * Saves the memory after each decision that changed it, one write at a time: a save asked for
 * while one is running waits, and only the newest memory is written.
 *
 * "Changed" is told by identity: decide hands on the very tables it did not change, and it
 * moves `lastSeenAt` once a minute, so an unchanged call list costs one write a minute and a
 * poll costs two comparisons, however many calls the day has seen.
 */
export function createLedgerWriter(dir: string, clock: Clock, log: Logger) {
  let last: Pick<WatchMemory, 'sessions' | 'ended'> | null = null;
  const journal = newJournal();
  let writing: Promise<void> = Promise.resolve();

  const isLast = (memory: WatchMemory): boolean =>
    last !== null && memory.sessions === last.sessions && memory.ended === last.ended;

  function save(memory: WatchMemory): Promise<void> {
    if (isLast(memory)) return writing;
    last = { sessions: memory.sessions, ended: memory.ended };
    writing = writing.then(async () => {
      if (!isLast(memory)) return; // a newer save is queued behind this one
      try {
        await saveMemory(dir, memory, clock.now(), journal);
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
      last = { sessions: memory.sessions, ended: memory.ended };
      return memory;
    },
    save,
    async flush(memory: WatchMemory): Promise<void> {
      last = null;
      await save(memory);
    },
  };
}
