import type { Session } from '../boundary/session.js';

/** What the agent may be told. One JSON line of `watch` is exactly one of these. */
export type SessionEventKind =
  'ringing' | 'answered' | 'answered-elsewhere' | 'held' | 'missed' | 'ended';
/**
 * 'too-large': the server answered, with a list past the client's cap (64 MB), so the calls
 * cannot be watched; not a fault of the connection, so polling keeps its interval.
 */
export type ConnectionStatus = 'online' | 'offline' | 'error' | 'too-large' | 'signed-out';

interface EventBase {
  /** ISO-8601 time the engine decided it. */
  at: string;
  title: string;
  body: string;
}

export interface SessionEvent extends EventBase {
  event: Exclude<SessionEventKind, 'held'>;
  sessionId: string;
  session?: Session;
  /** On `missed` only: read from the call history after the app was not watching. */
  whileAway?: true;
  /**
   * Ringing only: the best estimate of the ms from the platform starting to ring the call to
   * this alert; never negative (main/ringing/latency.ts).
   */
  latencyMs?: number;
}

export interface HeldEvent extends EventBase {
  event: 'held';
  sessionId: string;
  session?: Session;
  heldForMs: number;
  /** false for the first alert of a hold, true for the reminders after it. */
  reminder: boolean;
}

export interface ConnectionEvent extends EventBase {
  event: 'connection';
  status: ConnectionStatus;
  detail?: string;
}

export type WatchEvent = SessionEvent | HeldEvent | ConnectionEvent;

/** The timing rules of the engine; all in milliseconds. */
export interface WatchTiming {
  pollIntervalMs: number; // default 3000
  /** While a call rings or is queued; default 1000, at least 500 (main/watch/poll-interval.ts). */
  ringingIntervalMs?: number;
  holdAlertDelayMs: number; // default 0: alert at once
  holdReminderMs: number; // default 120000; 0 turns reminders off
}

export const DEFAULT_TIMING: WatchTiming = {
  pollIntervalMs: 3000,
  ringingIntervalMs: 1000,
  holdAlertDelayMs: 0,
  holdReminderMs: 120_000,
};
