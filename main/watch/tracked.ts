// What the engine remembers about one session between polls. It goes to disk (the ledger), so
// it holds ids, states, timestamps and a trimmed copy of the session for event texts: never
// the log, members, console data or anything else a call carries.
import type { Session } from '../evo/session.js';

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
  /** Last time a poll answer (or a lookup) showed it. */
  lastSeenAt: number;
  /** Successful poll answers in a row that did not list it. */
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
  return kept as TrimmedSession;
}

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

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
