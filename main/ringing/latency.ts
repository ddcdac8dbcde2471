// How late a ringing alert came: the milliseconds from the platform starting to ring the call
// to the poll that saw it. Pure. See "How late was the alert" in docs/WATCH.md.
import type { Session } from '../evo/session.js';

export interface LatencyInput {
  /** Local epoch ms the poll that saw the call ringing was answered. */
  alertAt: number;
  session: Pick<Session, 'dateCreated' | 'log'>;
  /** Server clock minus local clock, from serverClockOffsetMs(); 0 when unknown. */
  serverOffsetMs: number;
  /** Local epoch ms of the last poll that saw the call not ringing yet (queued, or absent). */
  lastNotRingingAt?: number;
  /** The poll interval in force when it rang. */
  intervalMs: number;
}

export type LatencyBasis = 'session' | 'polls' | 'interval';

export interface LatencyEstimate {
  latencyMs: number;
  basis: LatencyBasis;
}

/** The Date header's second is truncated: its middle is the best guess of the server's time. */
export function serverClockOffsetMs(
  dateHeader: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): number {
  const server = dateHeader == null ? Number.NaN : Date.parse(dateHeader);
  if (!Number.isFinite(server)) return 0;
  return server + 500 - (sentAt + receivedAt) / 2;
}

export function estimateLatency(i: LatencyInput): LatencyEstimate {
  const upper = i.intervalMs + 1000;
  const gap = i.lastNotRingingAt === undefined ? undefined : i.alertAt - i.lastNotRingingAt;
  const began = ringingBegan(i.session);
  if (began !== undefined) {
    // The session's time on the local clock; it cannot be before a poll that saw it not ringing.
    let start = began - i.serverOffsetMs;
    if (i.lastNotRingingAt !== undefined) start = Math.max(start, i.lastNotRingingAt);
    return { latencyMs: Math.max(0, Math.round(i.alertAt - start)), basis: 'session' };
  }
  if (gap !== undefined && gap >= 0 && gap <= upper) {
    // It began somewhere between the two polls: the middle is the best guess.
    return { latencyMs: Math.round(gap / 2), basis: 'polls' };
  }
  // Nothing to go on: on average a call rings half an interval before a poll sees it.
  return { latencyMs: Math.round(Math.min(i.intervalMs, upper) / 2), basis: 'interval' };
}

/** Server epoch ms the call began ringing: its ringing log entry, else its creation. */
export function ringingBegan(s: Pick<Session, 'dateCreated' | 'log'>): number | undefined {
  const entry = (s.log ?? []).find((e) => /\bring/i.test(e.message ?? ''));
  return serverTime(entry?.date) ?? serverTime(s.dateCreated);
}

/** ISO-8601; a time without a zone is the server's, which speaks UTC. */
export function serverTime(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const t = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(t) || !t.includes('T') ? t : `${t}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : undefined;
}
