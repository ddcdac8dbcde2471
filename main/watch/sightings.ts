// What the polls saw before a call rang: for each listed call, the local time of the last poll
// that saw it NOT ringing yet (queued, in a flow, or not listed at all). latency.ts bounds the
// start of the ring with it. Pure: one step per successful poll.
import type { Session } from '../boundary/session.js';
import { sessionPhase } from '../boundary/session-reading.js';

export interface Sightings {
  /** Local epoch ms of the last successful poll; null before the first. */
  lastPollAt: number | null;
  /**
   * Per call ringing at the last poll: the last poll that saw it not ringing, carried while it
   * rings; null when no poll did (it was ringing at the first poll). Any other call was not
   * ringing at `lastPollAt`, so it needs no entry: a poll keeps as many entries as calls ring.
   */
  notRingingAt: ReadonlyMap<string, number | null>;
}

export const noSightings: Sightings = { lastPollAt: null, notRingingAt: new Map() };

/**
 * The last poll before `s` that saw call `id` not ringing: its own entry, or, for a call the
 * last poll did not list, that poll (it was not there, so not ringing).
 */
export function lastNotRingingAt(seen: Sightings, id: string): number | undefined {
  if (seen.notRingingAt.has(id)) return seen.notRingingAt.get(id) ?? undefined;
  return seen.lastPollAt ?? undefined;
}

export function afterPoll(seen: Sightings, sessions: readonly Session[], at: number): Sightings {
  const notRingingAt = new Map<string, number | null>();
  for (const s of sessions) {
    if (typeof s.id !== 'string' || s.id === '') continue;
    if (sessionPhase(s) === 'ringing') notRingingAt.set(s.id, lastNotRingingAt(seen, s.id) ?? null);
    // Listed twice, the last listing counts: not ringing at this poll, as if never entered.
    else if (notRingingAt.size > 0) notRingingAt.delete(s.id);
  }
  return { lastPollAt: at, notRingingAt };
}
