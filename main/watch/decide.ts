// The decision step: a pure function of (what was known, what was observed, now).
// IMPLEMENTATION PENDING (helper "engine rules").
import type { Session } from '../evo/session.js';
import type { ConnectionStatus, WatchEvent, WatchTiming } from './events.js';

/** What the engine remembers between polls; serializable, so the ledger can persist it. */
export interface WatchMemory {
  version: 1;
  sessions: Record<string, unknown>;
  connection: ConnectionStatus | 'unknown';
}

export type Observation =
  /** A successful `GET /sessions/my`. */
  | { kind: 'sessions'; sessions: Session[] }
  /** The answer to a lookup the engine asked for: the session, or 'failed' (404, 403, network). */
  | { kind: 'lookup'; sessionId: string; result: Session | 'failed' }
  /** A failed poll. */
  | { kind: 'failure'; status: Exclude<ConnectionStatus, 'online'>; detail: string };

export interface Decision {
  memory: WatchMemory;
  events: WatchEvent[];
  /** Session ids to look up once with `GET /sessions/{id}`; answer each with a 'lookup' observation. */
  lookups: string[];
}

export function emptyMemory(): WatchMemory {
  return { version: 1, sessions: {}, connection: 'unknown' };
}

export function decide(
  _memory: WatchMemory,
  _observation: Observation,
  _now: number,
  _timing: WatchTiming,
): Decision {
  throw new Error('not implemented');
}
