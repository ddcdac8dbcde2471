// While you were away, pure: which calls from the history to report as missed. A call is
// reported when it came in, was missed, started inside the window the app was not watching,
// and is neither already reported (the away ledger) nor known to the live engine (which
// reports its own misses, or saw the call answered or ringing).
import type { Session } from '../boundary/session.js';

/** The longest stretch looked back over: the missed list keeps a day. */
export const AWAY_LOOKBACK_MS = 24 * 60 * 60_000;

/** A gap between two successful polls longer than this is an absence worth reading back. */
export const AWAY_GAP_MS = 60_000;

/** The time the app stopped watching and the time it is watching again (epoch ms). */
export interface AwayWindow {
  from: number;
  to: number;
}

/** Where the look back starts: the last time watched, but never more than a day ago. */
export function awayWindow(watchedAt: number, now: number): AwayWindow {
  return { from: Math.max(watchedAt, now - AWAY_LOOKBACK_MS), to: now };
}

/** When the call started, by the API's dates; undefined when it gives none that parse. */
export function startedAt(session: Session): number | undefined {
  for (const iso of [session.dateCreated, session.dateCompleted]) {
    const at = iso === undefined ? Number.NaN : Date.parse(iso);
    if (Number.isFinite(at)) return at;
  }
  return undefined;
}

/**
 * The calls to report, oldest first, each once (a call on two pages counts once).
 * `reported`: ids already reported while away (from the away ledger, across restarts).
 * `live`: ids the live engine knows (its memory, including the calls it reported missed).
 */
export function missedWhileAway(
  history: readonly Session[],
  window: AwayWindow,
  reported: ReadonlySet<string>,
  live: ReadonlySet<string>,
): Session[] {
  const chosen = new Map<string, { session: Session; at: number }>();
  for (const session of history) {
    if (session.wasMissed !== true) continue;
    // An outgoing call nobody answered is not a call the agent missed.
    if (session.direction === 'Outgoing') continue;
    const at = startedAt(session);
    if (at === undefined || at < window.from || at > window.to) continue;
    if (reported.has(session.id) || live.has(session.id) || chosen.has(session.id)) continue;
    chosen.set(session.id, { session, at });
  }
  return [...chosen.values()].sort((a, b) => a.at - b.at).map((c) => c.session);
}

/**
 * Whether a page of history, read newest first, already reached back before the window:
 * then the pages after it hold nothing to report.
 */
export function reachedBefore(page: readonly Session[], from: number): boolean {
  return page.some((s) => {
    const at = startedAt(s);
    return at !== undefined && at < from;
  });
}
