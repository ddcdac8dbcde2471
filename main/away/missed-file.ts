// The missed list on disk: missed-list.json in the account's ledger folder, replaced atomically.
import { join } from 'node:path';
import type { MissedCall } from '../boundary/contract.js';
import { readIfPresent, writeAtomically } from '../watch/ledger-files.js';
import { missedListText, parseMissedList } from './missed-list.js';

export const MISSED_LIST_FILE = 'missed-list.json';

/** Never throws: an unreadable or damaged file is an empty list. */
export async function loadMissedList(dir: string): Promise<MissedCall[]> {
  try {
    const text = await readIfPresent(join(dir, MISSED_LIST_FILE));
    return text === null ? [] : parseMissedList(JSON.parse(text));
  } catch {
    return [];
  }
}

export function saveMissedList(dir: string, missed: readonly MissedCall[]): Promise<void> {
  return writeAtomically(dir, MISSED_LIST_FILE, missedListText(missed));
}
