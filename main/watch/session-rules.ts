// The alert rules for one session. Each rule works on a TrackedSession the caller owns (a copy
// made by `decide`) and appends to the step's events and lookups.
import type { Session } from '../boundary/session.js';
import {
  describeAnswered,
  describeAnsweredElsewhere,
  describeEnded,
  describeHeld,
  describeMissed,
  describeRinging,
  type Description,
} from './describe.js';
import type { SessionEventKind, WatchEvent, WatchTiming } from './events.js';
import { wasAnswered, isOutgoing, sessionPhase } from '../boundary/session-reading.js';
import { trimSession, type TrackedSession } from './tracked.js';

/** One decision step in progress. */
export interface Step {
  now: number;
  timing: WatchTiming;
  events: WatchEvent[];
  lookups: string[];
}

/**
 * A lookup the poller never answered (it restarted, or lost it) counts as failed after this
 * long, so a ring that vanished is still reported as missed rather than forgotten.
 */
export const LOOKUP_TIMEOUT_MS = 60_000;

/** A poll answer listed the session. */
export function observe(t: TrackedSession, s: Session, step: Step): void {
  const phase = sessionPhase(s);
  t.session = trimSession(s);
  t.lastSeenAt = step.now;
  t.absences = 0;
  // Back alive while we waited for its lookup: the lookup's answer is stale now.
  if (t.lookup === 'pending' && phase !== 'ended') t.lookup = 'used';

  if (phase === 'ringing' && !t.awaitingAnswer) {
    // An outgoing call still waits for an answer (and reports it), but never rings here.
    t.awaitingAnswer = true;
    if (!isOutgoing(s)) emit(step, 'ringing', s, describeRinging(s));
  }
  // Held straight from ringing means someone answered between two polls.
  if ((phase === 'connected' || phase === 'held') && t.awaitingAnswer) {
    t.awaitingAnswer = false;
    emit(step, 'answered', s, describeAnswered(s));
  }
  if (phase === 'held') keepHoldWatch(t, s, step);
  else {
    t.heldSince = null;
    t.heldAlertedAt = null;
  }
  if (s.wasMissed === true && t.outcome === null) {
    t.outcome = 'missed';
    emit(step, 'missed', s, describeMissed(s));
  }
  if (phase === 'ended') finish(t, s, step);
}

/** The session left the list (for long enough to believe it; see decide.ts) or ended. */
export function finish(t: TrackedSession, s: Session, step: Step): void {
  if (t.endedSent || t.lookup === 'pending') return;
  // Nobody picking up a call the agent dialled is not a call they missed.
  if (t.outcome === null && t.awaitingAnswer && !isOutgoing(s)) {
    if (t.lookup === 'none') {
      t.lookup = 'pending';
      t.lookupRequestedAt = step.now;
      step.lookups.push(s.id);
      return;
    }
    // Its one lookup went to an earlier disappearance: judge by what we last saw.
    settle(t, s, step);
  }
  t.endedSent = true;
  emit(step, 'ended', s, describeEnded(s));
}

/** The answer to the lookup asked for this session; anything not awaited is ignored. */
export function answerLookup(t: TrackedSession, result: Session | 'failed', step: Step): void {
  if (t.lookup !== 'pending') return;
  t.lookup = 'used';
  const latest = result === 'failed' ? t.session : result;
  if (result !== 'failed') t.session = trimSession(result);
  if (t.outcome === null) settle(t, latest, step);
  if (!t.endedSent) {
    t.endedSent = true;
    emit(step, 'ended', latest, describeEnded(latest));
  }
}

/** Pending lookups past LOOKUP_TIMEOUT_MS are answered as failed. */
export function expireLookup(t: TrackedSession, step: Step): void {
  if (t.lookup !== 'pending' || t.lookupRequestedAt === null) return;
  if (step.now - t.lookupRequestedAt >= LOOKUP_TIMEOUT_MS) answerLookup(t, 'failed', step);
}

/** wasMissed wins: a call that rolled to voicemail is Connected, yet missed. */
function settle(t: TrackedSession, s: Session, step: Step): void {
  if (s.wasMissed !== true && wasAnswered(s)) {
    t.outcome = 'answered-elsewhere';
    emit(step, 'answered-elsewhere', s, describeAnsweredElsewhere(s));
  } else {
    t.outcome = 'missed';
    emit(step, 'missed', s, describeMissed(s));
  }
}

/**
 * Whether a hold watched since `heldSince` alerts now: the first alert after the delay, then
 * reminders, counted from the previous alert so never more often than the setting, even
 * after an outage. 'first' or 'reminder' when due, null when not.
 */
export function holdAlertDue(
  t: Pick<TrackedSession, 'heldSince' | 'heldAlertedAt'>,
  now: number,
  timing: WatchTiming,
): 'first' | 'reminder' | null {
  if (t.heldSince === null) return null;
  if (t.heldAlertedAt === null) {
    return Math.max(0, now - t.heldSince) >= timing.holdAlertDelayMs ? 'first' : null;
  }
  if (timing.holdReminderMs <= 0 || now - t.heldAlertedAt < timing.holdReminderMs) return null;
  return 'reminder';
}

/** Hold time counts from the first poll that showed the hold. */
function keepHoldWatch(t: TrackedSession, s: Session, step: Step): void {
  const { now, timing } = step;
  t.heldSince ??= now;
  const heldForMs = Math.max(0, now - t.heldSince);
  const due = holdAlertDue(t, now, timing);
  if (due === null) return;
  const reminder = due === 'reminder';
  t.heldAlertedAt = now;
  step.events.push({
    event: 'held',
    sessionId: s.id,
    session: s,
    at: new Date(now).toISOString(),
    heldForMs,
    reminder,
    ...describeHeld(s, heldForMs),
  });
}

function emit(
  step: Step,
  event: Exclude<SessionEventKind, 'held'>,
  s: Session,
  text: Description,
): void {
  step.events.push({
    event,
    sessionId: s.id,
    session: s,
    at: new Date(step.now).toISOString(),
    ...text,
  });
}
