// The calls whose screen pop opened, on disk, so a restart mid-call does not open it again.
// A day is plenty: no call rings or is answered twice a day apart.
import { join } from 'node:path';
import { isRecord } from '../boundary/records.js';
import { readIfPresent, writeAtomically } from '../watch/ledger-files.js';
import { errorCode } from '../boundary/errors.js';
import type { PoppedCalls } from './when.js';

export const POPPED_FILE = 'screen-pops.json';
export const POPPED_KEPT_MS = 24 * 60 * 60 * 1000;
const VERSION = 1;

export interface PoppedCallsFile extends PoppedCalls {
  /** Why the file could not be read (it then starts empty); undefined when all is well. */
  readonly warning?: string;
}

/** Never throws for a missing or damaged file: it starts empty and says why. */
export async function openPoppedCalls(dir: string, now: () => number): Promise<PoppedCallsFile> {
  const { popped, warning } = await load(join(dir, POPPED_FILE));
  prune(popped, now());
  // One write at a time, each of the whole set: an older write can never land after a newer one.
  let writing: Promise<void> = Promise.resolve();
  return {
    warning,
    has: (id) => popped.has(id),
    add(id) {
      const at = now();
      prune(popped, at);
      popped.set(id, at);
      const text = JSON.stringify({ version: VERSION, popped: Object.fromEntries(popped) });
      const write = writing.then(() => writeAtomically(dir, POPPED_FILE, text));
      writing = write.catch(() => {});
      return write;
    },
  };
}

/** In memory only: the `watch` command, and when the file cannot be written. */
export function poppedCallsInMemory(): PoppedCalls {
  const popped = new Set<string>();
  return {
    has: (id) => popped.has(id),
    add: (id) => {
      popped.add(id);
      return Promise.resolve();
    },
  };
}

function prune(popped: Map<string, number>, now: number): void {
  for (const [id, at] of popped) if (at <= now - POPPED_KEPT_MS) popped.delete(id);
}

async function load(path: string): Promise<{ popped: Map<string, number>; warning?: string }> {
  const popped = new Map<string, number>();
  let text: string | null;
  try {
    text = await readIfPresent(path);
  } catch (e) {
    return { popped, warning: `Could not read ${path} (${errorCode(e) ?? 'unknown error'}).` };
  }
  if (text === null) return { popped };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { popped, warning: `Ignored ${path}: it is not valid JSON.` };
  }
  const entries = isRecord(value) && value['version'] === VERSION ? value['popped'] : undefined;
  if (!isRecord(entries)) return { popped, warning: `Ignored ${path}: not a screen-pop ledger.` };
  for (const [id, at] of Object.entries(entries)) {
    if (typeof at === 'number' && Number.isFinite(at)) popped.set(id, at);
  }
  return { popped };
}
