// The missed list: the last day of missed calls (live and while away), newest first, kept per
// account beside the call ledger so it survives a restart. Pure; the file is missed-file.ts.
import type { MissedCall } from '../boundary/contract.js';
import { isRecord } from '../boundary/records.js';
import { checkPhoneNumber } from './phone-number.js';

export const MISSED_KEEP_MS = 24 * 60 * 60_000;
export const MISSED_LIST_VERSION = 1;

const time = (m: MissedCall) => Date.parse(m.at) || 0;

/** The calls of the last day, newest first, at most `limit`, each once (the first one wins). */
export function recentMissed(
  missed: readonly MissedCall[],
  now: number,
  limit: number,
): MissedCall[] {
  const seen = new Set<string>();
  return missed
    .filter((m) => {
      if (seen.has(m.sessionId) || now - time(m) > MISSED_KEEP_MS) return false;
      seen.add(m.sessionId);
      return true;
    })
    .sort((a, b) => time(b) - time(a))
    .slice(0, limit);
}

/** What is written: no session (its fields stay with Evo Voice), nothing secret. */
export function missedListText(missed: readonly MissedCall[]): string {
  const calls = missed.map(({ sessionId, at, title, body, seen, whileAway, number }) => ({
    sessionId,
    at,
    title,
    body,
    seen,
    ...(whileAway ? { whileAway } : {}),
    ...(number === undefined ? {} : { number }),
  }));
  return JSON.stringify({ version: MISSED_LIST_VERSION, calls });
}

/** The entries that read whole; anything else in the file is dropped. */
export function parseMissedList(value: unknown): MissedCall[] {
  if (!isRecord(value) || value['version'] !== MISSED_LIST_VERSION) return [];
  const calls = value['calls'];
  if (!Array.isArray(calls)) return [];
  return calls.flatMap((raw): MissedCall[] => {
    if (!isRecord(raw)) return [];
    const { sessionId, at, title, body, seen, whileAway, number } = raw;
    if (typeof sessionId !== 'string' || sessionId === '' || typeof at !== 'string') return [];
    if (typeof title !== 'string' || typeof body !== 'string' || typeof seen !== 'boolean')
      return [];
    const checked = checkPhoneNumber(number);
    return [
      {
        sessionId,
        at,
        title,
        body,
        seen,
        ...(whileAway === true ? { whileAway: true } : {}),
        ...(checked.ok ? { number: checked.number } : {}),
      },
    ];
  });
}
