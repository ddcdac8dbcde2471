// What the engine remembers about one session between polls. It goes to disk (the ledger), so
// it holds ids, states, timestamps and a trimmed copy of the session for event texts: never
// the log, members, console data or anything else a call carries.
import type { Session } from '../boundary/session.js';

/** Sessions not seen for this long are forgotten (and could alert again if they came back). */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Answers in a row that must leave a session out before it counts as gone. The list is known
 * to flap: a ringing call missing from one answer and back in the next is the same ring, and
 * looking it up in between would report a call that is still ringing as missed. The price is
 * one poll interval of delay on missed/ended.
 */
export const ABSENCES_BEFORE_GONE = 2;

const KEPT_FIELDS = [
  'id',
  'dateCreated',
  'callState',
  'queueState',
  'ended',
  'wasMissed',
  'channel',
  'direction',
  'fromName',
  'fromAddress',
  'fromPhoneNumber',
  'toAddress',
  'endpointName',
  'customerName',
  'holdQueueName',
  'holdReason',
  'answeredByName',
  'answeredById',
] as const satisfies readonly (keyof Session)[];

export type TrimmedSession = Pick<Session, (typeof KEPT_FIELDS)[number]>;

export interface TrackedSession {
  /** The latest session known, trimmed. */
  session: TrimmedSession;
  /**
   * Last time a poll answer showed it, to the minute: within a minute an unchanged call is not
   * rewritten (nor saved) on every poll. Only the 24-hour forgetting reads it.
   */
  lastSeenAt: number;
  /** Successful poll answers in a row that did not list it, counted up to ABSENCES_BEFORE_GONE. */
  absences: number;
  /** Seen ringing in the current ringing episode and not connected or held since. */
  awaitingAnswer: boolean;
  /** When the engine first saw the current hold; null when not held. */
  heldSince: number | null;
  /** When the current hold last alerted (first alert or reminder); null before the first. */
  heldAlertedAt: number | null;
  /** Decided once per session. */
  outcome: 'missed' | 'answered-elsewhere' | null;
  /** The quiet `ended` event went out. */
  endedSent: boolean;
  /** 'used' once requested and answered, abandoned or timed out: never asked twice. */
  lookup: 'none' | 'pending' | 'used';
  lookupRequestedAt: number | null;
}

/** Sessions by id. */
export type SessionTable = Record<string, TrackedSession>;

/**
 * A call that left the list and is settled (its `ended` went out, no lookup pending), reduced
 * to what keeps it from alerting twice if it shows up again within 24 hours: no session copy,
 * since a call that comes back brings its own.
 */
export interface EndedCall {
  id: string;
  lastSeenAt: number;
  awaitingAnswer: boolean;
  heldSince: number | null;
  heldAlertedAt: number | null;
  outcome: TrackedSession['outcome'];
  lookup: 'none' | 'used';
}

/**
 * An empty table with no prototype: ids come from the server, and an id such as `__proto__`,
 * `constructor` or `toString` must be an ordinary key, never a path into Object.prototype.
 */
export function sessionTable(): SessionTable {
  return Object.create(null) as SessionTable;
}

export function trimSession(s: Session): TrimmedSession {
  const kept: Record<string, unknown> = {};
  for (const field of KEPT_FIELDS) {
    const value = s[field];
    if (typeof value === 'string' || typeof value === 'boolean') kept[field] = value;
  }
  kept['id'] = s.id;
  trimmedFrom.set(kept as TrimmedSession, s);
  return kept as TrimmedSession;
}

/**
 * A memo for sameTrimmed: the Session each trimmed copy was made from, or last found equal to.
 * session-list hands back the very Session object for a call whose bytes did not change, so a
 * quiet poll answers each call's comparison with one lookup. Sound because a Session is never
 * changed once read; the memo only ever answers what comparing the fields would.
 */
const trimmedFrom = new WeakMap<TrimmedSession, Session>();

export function firstSight(s: Session, now: number): TrackedSession {
  return {
    session: trimSession(s),
    lastSeenAt: now,
    absences: 0,
    awaitingAnswer: false,
    heldSince: null,
    heldAlertedAt: null,
    outcome: null,
    endedSent: false,
    lookup: 'none',
    lookupRequestedAt: null,
  };
}

/** A tracked session that can be reduced to an EndedCall: gone, settled, nothing pending. */
export function isSettled(t: TrackedSession): boolean {
  return t.absences >= ABSENCES_BEFORE_GONE && t.endedSent && t.lookup !== 'pending';
}

export function toEndedCall(t: TrackedSession): EndedCall {
  return {
    id: t.session.id,
    lastSeenAt: t.lastSeenAt,
    awaitingAnswer: t.awaitingAnswer,
    heldSince: t.heldSince,
    heldAlertedAt: t.heldAlertedAt,
    outcome: t.outcome,
    lookup: t.lookup === 'used' ? 'used' : 'none',
  };
}

/** An ended call listed again: tracked as before it left, with the session it came back as. */
export function fromEndedCall(e: EndedCall, s: Session, absences: number): TrackedSession {
  return {
    session: trimSession(s),
    lastSeenAt: e.lastSeenAt,
    absences,
    awaitingAnswer: e.awaitingAnswer,
    heldSince: e.heldSince,
    heldAlertedAt: e.heldAlertedAt,
    outcome: e.outcome,
    endedSent: true,
    lookup: e.lookup,
    lookupRequestedAt: null,
  };
}

/**
 * Whether trimming `s` would give exactly `kept`: the fields a decision reads are unchanged.
 * Spelled out field by field (not a loop over KEPT_FIELDS): it runs for every listed call on
 * every poll, and named reads are several times faster than computed ones.
 */
export function sameTrimmed(kept: TrimmedSession, s: Session): boolean {
  if (trimmedFrom.get(kept) === s) return true;
  const same = sameFields(kept, s);
  if (same) trimmedFrom.set(kept, s);
  return same;
}

function sameFields(kept: TrimmedSession, s: Session): boolean {
  return (
    kept.id === s.id &&
    kept.callState === str(s.callState) &&
    kept.queueState === str(s.queueState) &&
    kept.ended === bool(s.ended) &&
    kept.wasMissed === bool(s.wasMissed) &&
    kept.answeredByName === str(s.answeredByName) &&
    kept.answeredById === str(s.answeredById) &&
    kept.holdQueueName === str(s.holdQueueName) &&
    kept.holdReason === str(s.holdReason) &&
    kept.dateCreated === str(s.dateCreated) &&
    kept.channel === str(s.channel) &&
    kept.direction === str(s.direction) &&
    kept.fromName === str(s.fromName) &&
    kept.fromAddress === str(s.fromAddress) &&
    kept.fromPhoneNumber === str(s.fromPhoneNumber) &&
    kept.toAddress === str(s.toAddress) &&
    kept.endpointName === str(s.endpointName) &&
    kept.customerName === str(s.customerName)
  );
}

// trimSession keeps strings and booleans only; a field of another type reads as absent.
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

/** Field by field; `lastSeenAt` is compared by the caller, who knows how fresh it must be. */
export function sameState(a: TrackedSession, b: TrackedSession): boolean {
  return (
    a.absences === b.absences &&
    a.awaitingAnswer === b.awaitingAnswer &&
    a.heldSince === b.heldSince &&
    a.heldAlertedAt === b.heldAlertedAt &&
    a.outcome === b.outcome &&
    a.endedSent === b.endedSent &&
    a.lookup === b.lookup &&
    a.lookupRequestedAt === b.lookupRequestedAt &&
    sameTrimmed(a.session, b.session as Session)
  );
}

/** Shape check for what comes back from disk: anything else is dropped, never trusted. */
export function isTrackedSession(value: unknown): value is TrackedSession {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  const session = t['session'];
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof (session as Record<string, unknown>)['id'] === 'string' &&
    isTime(t['lastSeenAt']) &&
    typeof t['absences'] === 'number' &&
    typeof t['awaitingAnswer'] === 'boolean' &&
    (t['heldSince'] === null || isTime(t['heldSince'])) &&
    (t['heldAlertedAt'] === null || isTime(t['heldAlertedAt'])) &&
    (t['outcome'] === null || t['outcome'] === 'missed' || t['outcome'] === 'answered-elsewhere') &&
    typeof t['endedSent'] === 'boolean' &&
    (t['lookup'] === 'none' || t['lookup'] === 'pending' || t['lookup'] === 'used') &&
    (t['lookupRequestedAt'] === null || isTime(t['lookupRequestedAt']))
  );
}

export function isEndedCall(value: unknown): value is EndedCall {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e['id'] === 'string' &&
    isTime(e['lastSeenAt']) &&
    typeof e['awaitingAnswer'] === 'boolean' &&
    (e['heldSince'] === null || isTime(e['heldSince'])) &&
    (e['heldAlertedAt'] === null || isTime(e['heldAlertedAt'])) &&
    (e['outcome'] === null || e['outcome'] === 'missed' || e['outcome'] === 'answered-elsewhere') &&
    (e['lookup'] === 'none' || e['lookup'] === 'used')
  );
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
