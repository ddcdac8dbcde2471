// How long to wait before the next poll. Pure: time, lock state and randomness are passed in.
// Faster while a call of the agent rings or waits in a queue, so the alert comes sooner.
import type { Session } from '../boundary/session.js';
import { isOutgoing, sessionPhase } from '../boundary/session-reading.js';

export const DEFAULT_RINGING_INTERVAL_MS = 1000;
export const MIN_RINGING_INTERVAL_MS = 500;
/** While locked the normal interval holds this long, then polling slows to LOCKED_SLOW_MS. */
export const LOCKED_NORMAL_FOR_MS = 10 * 60_000;
export const LOCKED_SLOW_MS = 30_000;
/** ±10 %: the agents of one call centre never poll in step. */
export const JITTER = 0.1;
/** On resume or unlock: poll at once, spread over up to this much. */
export const WAKE_JITTER_MS = 1000;

export interface IntervalInput {
  sessions: readonly Session[];
  normalMs: number;
  ringingMs?: number;
  /** Epoch ms the screen locked; null while unlocked. */
  lockedSince: number | null;
  now: number;
  /** In [0, 1), like Math.random. */
  random: () => number;
}

/** Any incoming call of the agent ringing or queued: worth polling fast. */
export function anyRingingOrQueued(sessions: readonly Session[]): boolean {
  return sessions.some((s) => {
    const phase = sessionPhase(s);
    return !isOutgoing(s) && (phase === 'ringing' || phase === 'queued');
  });
}

/** The setting, kept at or above the floor (a bad value never hammers the server). */
export function ringingIntervalMs(setting: number | undefined): number {
  if (setting === undefined || !Number.isFinite(setting)) return DEFAULT_RINGING_INTERVAL_MS;
  return Math.max(MIN_RINGING_INTERVAL_MS, Math.round(setting));
}

/** The interval before jitter. */
export function baseIntervalMs(i: Omit<IntervalInput, 'random'>): number {
  if (i.lockedSince !== null && i.now - i.lockedSince >= LOCKED_NORMAL_FOR_MS) {
    // An agent away from the desk: slow, unless a call rings (then ringing aloud matters).
    // "Slow" never means faster: a normal interval above 30 s stays as it is.
    if (!anyRingingOrQueued(i.sessions)) return Math.max(LOCKED_SLOW_MS, i.normalMs);
  }
  // Never slower than the normal interval, whatever the two settings say.
  if (anyRingingOrQueued(i.sessions)) return Math.min(ringingIntervalMs(i.ringingMs), i.normalMs);
  return i.normalMs;
}

export function nextIntervalMs(i: IntervalInput): number {
  return withJitter(baseIntervalMs(i), i.random);
}

/** base × [0.9, 1.1). */
export function withJitter(baseMs: number, random: () => number): number {
  const r = clamp01(random());
  return Math.round(baseMs * (1 - JITTER + 2 * JITTER * r));
}

/** The delay of the poll made at once on resume from sleep or unlock. */
export function wakeDelayMs(random: () => number): number {
  return Math.floor(clamp01(random()) * WAKE_JITTER_MS);
}

function clamp01(x: number): number {
  if (!Number.isFinite(x) || x < 0) return 0;
  return x >= 1 ? 0.999999 : x;
}
