// The away ledger: beside the call ledger, in its own small file so the two never have to
// agree on a format. It remembers when the app last watched, a look back not yet read (the
// history could not be read: it is tried again after a restart too), and the calls already
// reported while away (a day of them), so no restart reports one twice.
import { join } from 'node:path';
import { isRecord } from '../boundary/records.js';
import { isStateFileRefused, readIfPresent, writeAtomically } from '../watch/ledger-files.js';
import { errorCode } from '../boundary/errors.js';
import { AWAY_LOOKBACK_MS } from './reconcile.js';

export const AWAY_LEDGER_FILE = 'away-ledger.json';
const VERSION = 1;

export interface AwayLedger {
  /** The last successful poll (epoch ms), or null before the first one. */
  watchedAt: number | null;
  /** The start of an absence whose history is still to be read, or null. */
  unreadFrom: number | null;
  /**
   * Session id → when it was reported while away. Without a prototype (reportedTable): the ids
   * are the server's, and `__proto__` must be an ordinary key, not a setter that drops it.
   */
  reported: Record<string, number>;
}

/** A table keyed by the server's ids, where `__proto__` or `constructor` is just a key. */
export const reportedTable = (): Record<string, number> =>
  Object.create(null) as Record<string, number>;

export const emptyAwayLedger = (): AwayLedger => ({
  watchedAt: null,
  unreadFrom: null,
  reported: reportedTable(),
});

/** The ledger without reports older than a day (they can no longer come back in a look back). */
export function pruneAwayLedger(ledger: AwayLedger, now: number): AwayLedger {
  const reported = reportedTable();
  for (const [id, at] of Object.entries(ledger.reported)) {
    if (at > now - 2 * AWAY_LOOKBACK_MS) reported[id] = at;
  }
  return { ...ledger, reported };
}

/** Never throws for bad content: a missing or damaged file starts empty (and says why). */
export async function loadAwayLedger(
  dir: string,
): Promise<{ ledger: AwayLedger; warning?: string; refused?: true }> {
  const path = join(dir, AWAY_LEDGER_FILE);
  let text: string | null;
  try {
    text = await readIfPresent(path);
  } catch (e) {
    if (isStateFileRefused(e)) {
      return {
        ledger: emptyAwayLedger(),
        warning: `${e.message}. Missed calls while away are remembered in memory only, for this run.`,
        refused: true,
      };
    }
    return {
      ledger: emptyAwayLedger(),
      warning: `Could not read ${path} (${errorCode(e) ?? 'unknown error'}).`,
    };
  }
  if (text === null) return { ledger: emptyAwayLedger() };
  try {
    return { ledger: parseAwayLedger(JSON.parse(text)) };
  } catch {
    return { ledger: emptyAwayLedger(), warning: `Ignored ${path}: it is not valid JSON.` };
  }
}

export function saveAwayLedger(dir: string, ledger: AwayLedger): Promise<void> {
  return writeAtomically(dir, AWAY_LEDGER_FILE, JSON.stringify({ version: VERSION, ...ledger }));
}

/** Only the known fields, each only when it has the right type. */
export function parseAwayLedger(value: unknown): AwayLedger {
  const ledger = emptyAwayLedger();
  if (!isRecord(value) || value['version'] !== VERSION) return ledger;
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  ledger.watchedAt = time(value['watchedAt']);
  ledger.unreadFrom = time(value['unreadFrom']);
  const reported = value['reported'];
  if (isRecord(reported)) {
    for (const [id, at] of Object.entries(reported)) {
      const when = time(at);
      if (when !== null) ledger.reported[id] = when;
    }
  }
  return ledger;
}
