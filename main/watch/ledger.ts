// The engine's memory on disk, so a restart never alerts twice for the same ring or miss.
// Holds ids, states, timestamps and trimmed sessions only, in two files: the calls being
// watched (small, replaced atomically at each save) and the calls that ended (one compact
// line each, appended as they end, rewritten whole only now and then). So a save costs what
// changed, not what the day has seen.
import { join } from 'node:path';
import { isRecord } from '../boundary/records.js';
import type { Session } from '../boundary/session.js';
import { emptyMemory, pruneMemory, type WatchMemory } from './decide.js';
import {
  appendSynced,
  isStateFileRefused,
  readIfPresent,
  removeFile,
  writeAtomically,
} from './ledger-files.js';
import { errorCode } from '../boundary/errors.js';
import {
  FORGET_AFTER_MS,
  isEndedCall,
  isSettled,
  isTrackedSession,
  sessionTable,
  toEndedCall,
  trimSession,
  type EndedCall,
  type SessionTable,
} from './tracked.js';

export const LEDGER_FILE = 'watch-ledger.json';
/** One JSON EndedCall per line; a later line for the same id wins. */
export const ENDED_FILE = 'watch-ledger-ended.jsonl';
const LEDGER_VERSION = 2;

interface LedgerFile {
  version: typeof LEDGER_VERSION;
  savedAt: number;
  sessions: SessionTable;
}

/** What a writer knows is on disk, so its next save appends only the calls ended since. */
export interface LedgerJournal {
  /** The ended calls on disk, as the very objects saved. */
  saved: Map<string, EndedCall>;
  /** Lines in ENDED_FILE, current or not. */
  lines: number;
  /** False until a whole save wrote both files (and after a failed write). */
  ready: boolean;
}

export function newJournal(): LedgerJournal {
  return { saved: new Map(), lines: 0, ready: false };
}

/** Stale lines (forgotten or superseded calls) allowed before ENDED_FILE is rewritten. */
const STALE_LINES_ALLOWED = 1000;

/**
 * The remembered sessions, pruned to the last 24 hours. The connection status is not kept:
 * it describes a run, and a new run starts as 'unknown'. Never throws for bad content: a
 * missing file is a first run, an unreadable one starts fresh with a warning to log.
 * Version 1 (every call whole in one file) is read too, so an upgrade alerts nothing twice.
 */
export async function loadMemory(
  dir: string,
  now: number,
): Promise<{ memory: WatchMemory; warning?: string; refused?: true }> {
  const path = join(dir, LEDGER_FILE);
  let text: string | null;
  let endedText: string | null;
  try {
    text = await readIfPresent(path);
    endedText = await readIfPresent(join(dir, ENDED_FILE));
  } catch (e) {
    if (isStateFileRefused(e)) {
      return {
        memory: emptyMemory(),
        warning: `${e.message}. What is alerted is remembered in memory only, for this run.`,
        refused: true,
      };
    }
    return fresh(path, `it could not be read (${errorCode(e) ?? 'unknown error'})`);
  }
  if (text === null && endedText === null) return { memory: emptyMemory() };
  let parsed: unknown;
  try {
    // Ended calls without the other file: a first save cut short between its two writes.
    parsed = text === null ? { version: LEDGER_VERSION, sessions: {} } : JSON.parse(text);
  } catch {
    return fresh(path, 'it is not valid JSON');
  }
  if (!isRecord(parsed) || !isRecord(parsed['sessions'])) {
    return fresh(path, 'it does not look like a call ledger');
  }
  const version = parsed['version'];
  if (version !== LEDGER_VERSION && version !== 1) {
    return fresh(path, `it has version ${String(version)}, expected ${LEDGER_VERSION}`);
  }

  const sessions = sessionTable();
  const ended = new Map<string, EndedCall>();
  let dropped = 0;
  for (const [id, entry] of Object.entries(parsed['sessions'])) {
    if (!isTrackedSession(entry) || entry.session.id !== id) dropped += 1;
    // Version 1 kept every call whole: a settled one is reduced now, as decide would.
    else if (isSettled(entry)) ended.set(id, toEndedCall(entry));
    // Re-trim: whatever else the file holds never reaches an event.
    else sessions[id] = { ...entry, session: trimSession(entry.session as Session) };
  }
  for (const line of endedText?.split('\n') ?? []) {
    if (line === '') continue;
    const entry = parseLine(line);
    if (!isEndedCall(entry)) dropped += 1;
    // A call in both was listed again after it ended: the whole entry is the newer one.
    else if (!Object.hasOwn(sessions, entry.id)) {
      ended.delete(entry.id); // in the order they ended
      ended.set(entry.id, entryOf(entry));
    }
  }
  const memory = pruneMemory({ ...emptyMemory(), sessions, ended: [...ended.values()] }, now);
  if (dropped === 0) return { memory };
  return {
    memory,
    warning: `Skipped ${dropped} unreadable ${dropped === 1 ? 'entry' : 'entries'} in the call ledger ${path}; those calls may alert again.`,
  };
}

/**
 * Saves the memory, pruned to 24 hours. With the journal of the previous save, appends the
 * calls that ended since and replaces the small file of calls being watched; without one (or
 * once the ended file holds too many stale lines) rewrites both whole. Atomic either way:
 * the ended calls are written first, and a call in both files counts as being watched.
 */
export async function saveMemory(
  dir: string,
  memory: WatchMemory,
  now: number,
  journal?: LedgerJournal,
): Promise<void> {
  const forgetBefore = now - FORGET_AFTER_MS;
  const newlyEnded = journal?.ready ? endedSince(journal, memory.ended) : null;
  const whole =
    newlyEnded === null ||
    (journal?.lines ?? 0) + newlyEnded.length > 2 * memory.ended.length + STALE_LINES_ALLOWED;
  if (whole) {
    const pruned = pruneMemory(memory, now);
    if (journal) journal.ready = false; // until both files are written
    if (pruned.ended.length === 0) await removeFile(dir, ENDED_FILE);
    else await writeAtomically(dir, ENDED_FILE, lines(pruned.ended));
    await writeSessions(dir, pruned.sessions, now);
    if (journal) {
      journal.saved = new Map(pruned.ended.map((e) => [e.id, e]));
      journal.lines = pruned.ended.length;
      journal.ready = true;
    }
    return;
  }
  if (newlyEnded.length > 0 && journal) {
    journal.ready = false; // a failed append may leave a torn line: the next save is whole
    await appendSynced(dir, ENDED_FILE, lines(newlyEnded));
    for (const e of newlyEnded) journal.saved.set(e.id, e);
    journal.lines += newlyEnded.length;
    journal.ready = true;
  }
  const sessions = sessionTable();
  for (const [id, t] of Object.entries(memory.sessions)) {
    if (t.lastSeenAt > forgetBefore) sessions[id] = t;
  }
  await writeSessions(dir, sessions, now);
}

/**
 * The calls that ended since the journal's save. decide only appends to `ended` (forgetting
 * and revival remove entries, never reorder), so they are the entries after the last one saved.
 */
function endedSince(journal: LedgerJournal, ended: readonly EndedCall[]): EndedCall[] {
  let start = ended.length;
  while (start > 0) {
    const e = ended[start - 1];
    if (e === undefined || journal.saved.get(e.id) === e) break;
    start -= 1;
  }
  return ended.slice(start);
}

function writeSessions(dir: string, sessions: SessionTable, now: number): Promise<void> {
  const file: LedgerFile = { version: LEDGER_VERSION, savedAt: now, sessions };
  return writeAtomically(dir, LEDGER_FILE, JSON.stringify(file));
}

const lines = (calls: readonly EndedCall[]): string =>
  calls.map((e) => JSON.stringify(entryOf(e))).join('\n') + '\n';

/** The known fields only, in a fixed order: whatever else a line holds is dropped. */
function entryOf(e: EndedCall): EndedCall {
  const { id, lastSeenAt, awaitingAnswer, heldSince, heldAlertedAt, outcome, lookup } = e;
  return { id, lastSeenAt, awaitingAnswer, heldSince, heldAlertedAt, outcome, lookup };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined; // a torn last line after a crash
  }
}

function fresh(path: string, reason: string): { memory: WatchMemory; warning: string } {
  return {
    memory: emptyMemory(),
    warning: `Ignored the call ledger ${path}: ${reason}. Starting fresh; calls already alerted may alert again.`,
  };
}
