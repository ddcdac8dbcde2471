// How to read one session, in the agent's words. The engine, the tray and the window share
// these so a call never looks ringing in one place and queued in another.
import type { Session } from './session.js';

export type SessionPhase = 'ringing' | 'queued' | 'held' | 'connected' | 'ended' | 'other';

type States = Pick<Session, 'callState' | 'queueState' | 'ended'>;

/**
 * One phase per session. Ringing wins over everything live, then held, then queued: a queued
 * caller often has a Connected call leg (to the flow), and that is not an answer.
 * Unknown enum values read as 'other'.
 */
export function sessionPhase(s: States): SessionPhase {
  if (s.ended === true) return 'ended';
  if (s.callState === 'Ringing' || s.queueState === 'Ringing') return 'ringing';
  if (s.callState === 'Hold' || s.queueState === 'Hold') return 'held';
  if (s.queueState === 'Queued') return 'queued';
  if (reachedConnected(s)) return 'connected';
  return 'other';
}

/**
 * "Jane Doe (+15035550100)", "Jane Doe", "+15035550100" or `unknown` ("Unknown caller", or its
 * translation: the name and number are the server's and never translated).
 */
export function callerLabel(
  s: Pick<Session, 'fromName' | 'fromAddress' | 'fromPhoneNumber'>,
  unknown = 'Unknown caller',
): string {
  const name = present(s.fromName);
  const number = present(s.fromAddress) ?? present(s.fromPhoneNumber);
  if (name !== undefined && number !== undefined && name !== number) return `${name} (${number})`;
  return name ?? number ?? unknown;
}

/** The line that was called, when the session says. */
export function lineLabel(s: Pick<Session, 'toAddress' | 'endpointName'>): string | undefined {
  return present(s.toAddress) ?? present(s.endpointName);
}

/**
 * Someone picked it up (this agent or another): an answering agent is named, or the call
 * reached Connected.
 */
export function wasAnswered(
  s: Pick<Session, 'answeredByName' | 'answeredById' | 'callState' | 'queueState'>,
): boolean {
  return (
    present(s.answeredByName) !== undefined ||
    present(s.answeredById) !== undefined ||
    reachedConnected(s)
  );
}

/** The agent dialled out: the ringing is at the other end, not a call for them to take. */
export function isOutgoing(s: Pick<Session, 'direction'>): boolean {
  return s.direction === 'Outgoing';
}

/** What to call the session in a sentence: voice is a call, unknown channels too. */
export function channelNoun(s: Pick<Session, 'channel'>): 'call' | 'chat' | 'fax' {
  if (s.channel === 'Chat') return 'chat';
  if (s.channel === 'Fax') return 'fax';
  return 'call';
}

function reachedConnected(s: Pick<Session, 'callState' | 'queueState'>): boolean {
  return s.callState === 'Connected' || s.queueState === 'Connected';
}

function present(value: string | undefined): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}
