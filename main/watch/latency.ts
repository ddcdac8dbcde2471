// How late a ringing alert came: the milliseconds from the platform starting to ring the call
// to the poll that saw it. Pure. See "How late was the alert" in docs/WATCH.md.
import type { Session } from '../boundary/session.js';

export interface LatencyInput {
  /** Local epoch ms the poll that saw the call ringing was answered. */
  alertAt: number;
  session: Pick<Session, 'dateCreated' | 'log'>;
  /** Server clock minus local clock (clockOffsetOf the Date headers' window); 0 when unknown. */
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

/** One answer's offset: the middle of its second and of the request (see ClockWindow). */
export function serverClockOffsetMs(
  dateHeader: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): number {
  return clockOffsetOf(narrowClockWindow(null, dateHeader, sentAt, receivedAt));
}

/**
 * What the Date headers so far say of the server clock minus ours: it lies in [low, high]. One
 * header bounds it to its second plus the request's round trip; each further answer narrows
 * it, as its second falls at another point of ours.
 */
export interface ClockWindow {
  low: number;
  high: number;
}

/** The window narrowed by one more answer; restarted from it when they disagree (a clock was set). */
export function narrowClockWindow(
  window: ClockWindow | null,
  dateHeader: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): ClockWindow | null {
  const server = dateHeader == null ? Number.NaN : Date.parse(dateHeader);
  if (!Number.isFinite(server) || receivedAt < sentAt) return window;
  // Stamped at a server time in [server, server + 1000), at a local time in [sentAt, receivedAt].
  const fresh = { low: server - receivedAt, high: server + 1000 - sentAt };
  if (window === null) return fresh;
  const low = Math.max(window.low, fresh.low);
  const high = Math.min(window.high, fresh.high);
  return low <= high ? { low, high } : fresh;
}

/** The middle of the window; 0 (the clocks agree) when no answer had a Date header. */
export function clockOffsetOf(window: ClockWindow | null): number {
  return window === null ? 0 : (window.low + window.high) / 2;
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

/**
 * Server epoch ms the call began ringing: its last ringing log entry (a call rings again after
 * a transfer), else its creation.
 */
export function ringingBegan(s: Pick<Session, 'dateCreated' | 'log'>): number | undefined {
  const entry = (s.log ?? []).filter((e) => /\bring/i.test(e.message ?? '')).at(-1);
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
