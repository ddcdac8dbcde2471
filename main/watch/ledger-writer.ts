// The watcher's side of the ledger: loads it once, then saves after each decision that changed
// the memory, one write at a time. Never throws: a failed write is logged. A ledger path that
// is not a regular file (a planted link or FIFO) is refused once, in the log, and the memory
// then lives in RAM for the rest of the run.
import type { Logger } from '../log.js';
import type { Clock } from './clock.js';
import type { WatchMemory } from './decide.js';
import { isStateFileRefused } from './ledger-files.js';
import { loadMemory, newJournal, saveMemory } from './ledger.js';
import { errorMessage } from '../boundary/errors.js';

/**
 * Saves the memory after each decision that changed it, one write at a time: a save asked for
 * while one is running waits, and only the newest memory is written. The promise a save
 * returns settles once that memory (or a newer one) is on disk: the watcher awaits it before
 * it tells of the events, so a crash can lose an alert but never repeat one.
 *
 * "Changed" is told by identity: decide hands on the very tables it did not change, and it
 * moves `lastSeenAt` once a minute, so an unchanged call list costs one write a minute and a
 * poll costs two comparisons, however many calls the day has seen.
 */
export function createLedgerWriter(dir: string, clock: Clock, log: Logger) {
  let last: Pick<WatchMemory, 'sessions' | 'ended'> | null = null;
  const journal = newJournal();
  let writing: Promise<void> = Promise.resolve();
  /** Set once a state file was refused: nothing more is written in this run. */
  let refused = false;

  const isLast = (memory: WatchMemory): boolean =>
    last !== null && memory.sessions === last.sessions && memory.ended === last.ended;

  function save(memory: WatchMemory): Promise<void> {
    if (refused || isLast(memory)) return writing;
    last = { sessions: memory.sessions, ended: memory.ended };
    writing = writing.then(async () => {
      if (refused || !isLast(memory)) return; // a newer save is queued behind this one
      try {
        await saveMemory(dir, memory, clock.now(), journal);
      } catch (e) {
        if (isStateFileRefused(e)) {
          refused = true;
          log.error(`${e.message}. What is alerted is remembered in memory only, for this run.`);
          return;
        }
        log.error(`Could not save what was already alerted to ${dir}: ${errorMessage(e)}`);
      }
    });
    return writing;
  }

  return {
    async load(): Promise<WatchMemory> {
      const { memory, warning, refused: refusedAtLoad } = await loadMemory(dir, clock.now());
      if (warning) log.warn(warning);
      refused = refusedAtLoad === true;
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
