// The engine's memory on disk, so a restart never alerts twice for the same ring or miss.
// Holds ids, states, timestamps and trimmed sessions only; written atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../evo/field-table.js';
import type { Session } from '../evo/session.js';
import { emptyMemory, pruneMemory, type WatchMemory } from './decide.js';
import {
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
const LEDGER_VERSION = 2;

interface LedgerFile {
  version: typeof LEDGER_VERSION;
  savedAt: number;
  sessions: SessionTable;
  ended: readonly EndedCall[];
}

/**
 * The remembered sessions, pruned to the last 24 hours. The connection status is not kept:
 * it describes a run, and a new run starts as 'unknown'. Never throws for bad content: a
 * missing file is a first run, an unreadable one starts fresh with a warning to log.
 */
export async function loadMemory(
  dir: string,
  now: number,
): Promise<{ memory: WatchMemory; warning?: string }> {
  const path = join(dir, LEDGER_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { memory: emptyMemory() };
    return fresh(path, `it could not be read (${errorCode(e) ?? 'unknown error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
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
  const listedEnded: unknown = parsed['ended'];
  for (const entry of Array.isArray(listedEnded) ? listedEnded : []) {
    if (!isEndedCall(entry)) dropped += 1;
    // A call in both was listed again before the save: the whole entry is the newer one.
    else if (!Object.hasOwn(sessions, entry.id)) ended.set(entry.id, { ...entry });
  }
  const memory = pruneMemory({ ...emptyMemory(), sessions, ended: [...ended.values()] }, now);
  if (dropped === 0) return { memory };
  return {
    memory,
    warning: `Skipped ${dropped} unreadable ${dropped === 1 ? 'entry' : 'entries'} in the call ledger ${path}; those calls may alert again.`,
  };
}

/** Prunes entries older than 24 hours, then writes a temp file, fsyncs it and renames it. */
export async function saveMemory(dir: string, memory: WatchMemory, now: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { sessions, ended } = pruneMemory(memory, now);
  const file: LedgerFile = { version: LEDGER_VERSION, savedAt: now, sessions, ended };
  const path = join(dir, LEDGER_FILE);
  const temp = join(dir, `.${LEDGER_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(file), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable where the platform allows opening a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; the file itself is already synced.
  }
}

function fresh(path: string, reason: string): { memory: WatchMemory; warning: string } {
  return {
    memory: emptyMemory(),
    warning: `Ignored the call ledger ${path}: ${reason}. Starting fresh; calls already alerted may alert again.`,
  };
}

function errorCode(e: unknown): string | undefined {
  return isRecord(e) && typeof e['code'] === 'string' ? e['code'] : undefined;
}
