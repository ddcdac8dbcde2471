// The decision step: a pure function of (what was known, what was observed, now).
import type { Session } from '../evo/session.js';
import { describeConnection } from './describe.js';
import type { ConnectionStatus, WatchEvent, WatchTiming } from './events.js';
import { answerLookup, expireLookup, finish, observe, type Step } from './session-rules.js';
import { firstSight, sessionTable, type SessionTable } from './tracked.js';

export type { TrackedSession } from './tracked.js';

/** What the engine remembers between polls; serializable, so the ledger can persist it. */
export interface WatchMemory {
  version: 1;
  /** A prototype-less table (see sessionTable): keys are ids the server chose. */
  sessions: SessionTable;
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

/** Sessions not seen for this long are forgotten (and could alert again if they came back). */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Answers in a row that must leave a session out before it counts as gone. The list is known
 * to flap: a ringing call missing from one answer and back in the next is the same ring, and
 * looking it up in between would report a call that is still ringing as missed. The price is
 * one poll interval of delay on missed/ended.
 */
export const ABSENCES_BEFORE_GONE = 2;

export function emptyMemory(): WatchMemory {
  return { version: 1, sessions: sessionTable(), connection: 'unknown' };
}

export function pruneMemory(memory: WatchMemory, now: number): WatchMemory {
  const sessions = sessionTable();
  for (const [id, t] of Object.entries(memory.sessions)) {
    if (now - t.lastSeenAt < FORGET_AFTER_MS) sessions[id] = t;
  }
  return { ...memory, sessions };
}

/**
 * Sessions whose lookup is asked for and not answered yet: the new ones of the last decision,
 * ones an error left open, and ones loaded from the ledger after a restart. Until
 * LOOKUP_TIMEOUT_MS settles them, each may be asked again.
 */
export function pendingLookups(memory: WatchMemory): string[] {
  return Object.entries(memory.sessions)
    .filter(([, t]) => t.lookup === 'pending')
    .map(([id]) => id);
}

export function decide(
  memory: WatchMemory,
  observation: Observation,
  now: number,
  timing: WatchTiming,
): Decision {
  const sessions = copySessions(pruneMemory(memory, now).sessions);
  const step: Step = { now, timing, events: [], lookups: [] };
  let connection = memory.connection;

  switch (observation.kind) {
    case 'sessions':
      if (connection !== 'online') {
        connection = 'online';
        step.events.push(connectionEvent('online', undefined, now));
      }
      observeAnswer(sessions, observation.sessions, step);
      break;
    case 'lookup': {
      const t = sessions[observation.sessionId];
      if (t !== undefined) answerLookup(t, observation.result, step);
      break;
    }
    case 'failure':
      // An error whose detail changes is the same trouble: the agent heard about it once.
      if (connection !== observation.status) {
        connection = observation.status;
        step.events.push(connectionEvent(observation.status, observation.detail, now));
      }
      break;
  }
  for (const t of Object.values(sessions)) expireLookup(t, step);

  return {
    memory: { version: 1, sessions, connection },
    events: step.events,
    lookups: step.lookups,
  };
}

function observeAnswer(sessions: SessionTable, listed: readonly Session[], step: Step): void {
  const byId = new Map<string, Session>();
  for (const s of listed) {
    if (typeof s?.id === 'string' && s.id !== '') byId.set(s.id, s);
  }
  for (const [id, s] of byId) {
    const t = (sessions[id] ??= firstSight(s, step.now));
    observe(t, s, step);
  }
  for (const [id, t] of Object.entries(sessions)) {
    if (byId.has(id)) continue;
    t.absences += 1;
    if (t.absences === ABSENCES_BEFORE_GONE) finish(t, t.session, step);
  }
}

function copySessions(sessions: SessionTable): SessionTable {
  const copy = sessionTable();
  for (const [id, t] of Object.entries(sessions)) copy[id] = { ...t };
  return copy;
}

function connectionEvent(
  status: ConnectionStatus,
  detail: string | undefined,
  now: number,
): WatchEvent {
  return {
    event: 'connection',
    status,
    ...(detail !== undefined && status !== 'online' ? { detail } : {}),
    at: new Date(now).toISOString(),
    ...describeConnection(status, detail),
  };
}
