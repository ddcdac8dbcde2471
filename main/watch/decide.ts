// The decision step: a pure function of (what was known, what was observed, now).
import type { Session } from '../boundary/session.js';
import { describeConnection } from './describe.js';
import type { ConnectionStatus, WatchEvent, WatchTiming } from './events.js';
import { Draft, listedIds, minuteOf, pendingIds } from './memory-draft.js';
import { sessionPhase } from '../boundary/session-reading.js';
import {
  answerLookup,
  expireLookup,
  finish,
  holdAlertDue,
  LOOKUP_TIMEOUT_MS,
  observe,
  type Step,
} from './session-rules.js';
import {
  ABSENCES_BEFORE_GONE,
  FORGET_AFTER_MS,
  firstSight,
  fromEndedCall,
  isSettled,
  sameState,
  sameTrimmed,
  sessionTable,
  type EndedCall,
  type SessionTable,
  type TrackedSession,
} from './tracked.js';

export { ABSENCES_BEFORE_GONE, FORGET_AFTER_MS } from './tracked.js';
export type { EndedCall, TrackedSession } from './tracked.js';

/** What the engine remembers between polls; serializable, so the ledger can persist it. */
export interface WatchMemory {
  version: 2;
  /**
   * The calls being watched: listed lately, or not settled yet. A prototype-less table (see
   * sessionTable): keys are ids the server chose.
   */
  sessions: SessionTable;
  /** Calls gone and settled, in the compact form that keeps them from alerting again; 24 h. */
  ended: readonly EndedCall[];
  connection: ConnectionStatus | 'unknown';
}

export type Observation =
  /**
   * A successful `GET /sessions/my`. `earlierOrder`, when given, is the same calls (the same
   * objects) in the order of an earlier answer: visited first, in that order, since a call lies
   * in memory where it was first read; the decision is the same with or without it.
   */
  | { kind: 'sessions'; sessions: Session[]; earlierOrder?: readonly Session[] }
  /** The answer to a lookup the engine asked for: the session, or 'failed' (404, 403, network). */
  | { kind: 'lookup'; sessionId: string; result: Session | 'failed' }
  /** A failed poll. */
  | { kind: 'failure'; status: Exclude<ConnectionStatus, 'online'>; detail: string };

export interface Decision {
  /**
   * The tables are the very objects of the memory given when nothing in them changed: a
   * caller may tell a change by identity (the ledger does).
   */
  memory: WatchMemory;
  events: WatchEvent[];
  /** Session ids to look up once with `GET /sessions/{id}`; answer each with a 'lookup' observation. */
  lookups: string[];
}

export function emptyMemory(): WatchMemory {
  return { version: 2, sessions: sessionTable(), ended: [], connection: 'unknown' };
}

/** Forgets what was not seen for FORGET_AFTER_MS, exactly; decide does it once a minute. */
export function pruneMemory(memory: WatchMemory, now: number): WatchMemory {
  const sessions = sessionTable();
  for (const [id, t] of Object.entries(memory.sessions)) {
    if (now - t.lastSeenAt < FORGET_AFTER_MS) sessions[id] = t;
  }
  const ended = memory.ended.filter((e) => now - e.lastSeenAt < FORGET_AFTER_MS);
  return { ...memory, sessions, ended };
}

/**
 * Sessions whose lookup is asked for and not answered yet: the new ones of the last decision,
 * ones an error left open, and ones loaded from the ledger after a restart. Until
 * LOOKUP_TIMEOUT_MS settles them, each may be asked again.
 */
export function pendingLookups(memory: WatchMemory): string[] {
  return pendingIds(memory);
}

export function decide(
  memory: WatchMemory,
  observation: Observation,
  now: number,
  timing: WatchTiming,
): Decision {
  let draft = new Draft(memory, now);
  const step: Step = { now, timing, events: [], lookups: [] };
  let connection = memory.connection;

  switch (observation.kind) {
    case 'sessions': {
      if (connection !== 'online') {
        connection = 'online';
        step.events.push(connectionEvent('online', undefined, now));
      }
      const { sessions, earlierOrder } = observation;
      if (earlierOrder?.length === sessions.length) {
        if (nothingToDo(draft, memory, earlierOrder, step)) break;
        draft = new Draft(memory, now);
      }
      const before = step.events.length;
      if (!observeAnswer(draft, memory, sessions, step)) {
        // A call listed twice is observed once, as its last listing, in the place of its first.
        step.events.length = before;
        step.lookups.length = 0;
        draft = new Draft(memory, now);
        observeAnswer(draft, memory, [...lastOfEach(sessions).values()], step);
      }
      break;
    }
    case 'lookup': {
      const t = draft.get(observation.sessionId);
      if (t?.lookup === 'pending') {
        const work = { ...t };
        answerLookup(work, observation.result, step);
        keep(draft, work);
      }
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
  for (const id of pendingIds(memory)) {
    const t = draft.get(id);
    if (t?.lookup !== 'pending' || t.lookupRequestedAt === null) continue;
    if (now - t.lookupRequestedAt < LOOKUP_TIMEOUT_MS) continue;
    const work = { ...t };
    expireLookup(work, step);
    keep(draft, work);
  }

  const tables = draft.commit();
  return {
    memory: { version: 2, ...tables, connection },
    events: step.events,
    lookups: step.lookups,
  };
}

/**
 * One pass over the answer; the calls listed lately are visited again only when one of them
 * may be missing from it (not every one of them was seen in the pass). False, with the draft
 * and step left half-done, when a call is listed twice: the caller starts again without them.
 */
function observeAnswer(
  draft: Draft,
  memory: WatchMemory,
  calls: readonly Session[],
  step: Step,
): boolean {
  /** Calls of the answer that memory had as listed lately: each counted once. */
  let listedSeen = 0;
  for (const s of calls) {
    if (!hasId(s)) continue;
    const t = draft.listed(s.id);
    if (t === 'repeated') return false;
    if (t !== undefined) {
      if (t.absences < ABSENCES_BEFORE_GONE) listedSeen++;
      if (unchanged(t, s, step)) continue;
      const events = step.events.length;
      const work = { ...t };
      observe(work, s, step);
      const same =
        events === step.events.length &&
        sameState(t, work) &&
        minuteOf(t.lastSeenAt) === minuteOf(work.lastSeenAt);
      if (!same) draft.set(work);
      continue;
    }
    const ended = draft.ended(s.id);
    const work = ended ? fromEndedCall(ended, s, ABSENCES_BEFORE_GONE) : firstSight(s, step.now);
    observe(work, s, step);
    if (ended) draft.revive(work);
    else draft.set(work);
  }
  // Every call listed lately was in this answer: none is missing from it.
  const lately = listedIds(memory);
  if (listedSeen === lately.size) return true;
  for (const id of lately) {
    if (draft.wasListed(id)) continue;
    const t = draft.get(id);
    if (t === undefined) continue; // forgotten by this decision's pruning
    const work = { ...t, absences: t.absences + 1 };
    if (work.absences === ABSENCES_BEFORE_GONE) finish(work, work.session, step);
    keep(draft, work);
  }
  return true;
}

/**
 * True when observing these calls changes nothing: each is one memory listed, unchanged, and
 * every call listed lately is among them. What observeAnswer does then in any order (it only
 * counts them), so their order does not matter. False leaves the draft half-visited.
 */
function nothingToDo(
  draft: Draft,
  memory: WatchMemory,
  calls: readonly Session[],
  step: Step,
): boolean {
  let listedSeen = 0;
  for (const s of calls) {
    if (!hasId(s)) continue;
    const t = draft.listed(s.id);
    if (t === undefined || t === 'repeated' || !unchanged(t, s, step)) return false;
    listedSeen++; // unchanged: not absent lately
  }
  return listedSeen === listedIds(memory).size;
}

const hasId = (s: Session | undefined): s is Session => typeof s?.id === 'string' && s.id !== '';

function lastOfEach(listed: readonly Session[]): Map<string, Session> {
  const byId = new Map<string, Session>();
  for (const s of listed) if (hasId(s)) byId.set(s.id, s);
  return byId;
}

/** A session this decision changed: settled ones are reduced to their EndedCall. */
function keep(draft: Draft, t: TrackedSession): void {
  if (isSettled(t)) draft.end(t);
  else draft.set(t);
}

/**
 * True when observing `s` again could only move lastSeenAt within its minute: the fields the
 * rules read are the same, and no rule is due (a hold's alert, an outcome, an answer).
 * Anything else goes through the rules, whose result is kept only if it differs.
 */
function unchanged(t: TrackedSession, s: Session, step: Step): boolean {
  if (t.absences !== 0 || t.lookup === 'pending') return false;
  if (minuteOf(t.lastSeenAt) !== minuteOf(step.now) || !sameTrimmed(t.session, s)) return false;
  if (s.wasMissed === true && t.outcome === null) return false;
  const phase = sessionPhase(s);
  if (phase === 'held') {
    return !t.awaitingAnswer && holdAlertDue(t, step.now, step.timing) === null;
  }
  if (t.heldSince !== null || t.heldAlertedAt !== null) return false;
  if (phase === 'ringing') return t.awaitingAnswer;
  if (phase === 'connected') return !t.awaitingAnswer;
  return phase === 'queued' || phase === 'other';
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
