// An agent's own action is not news: the engine's next events about that call would otherwise
// tell them what they just did (a declined call "missed", a held call "held", a transfer
// "answered elsewhere"). Main remembers each successful action for a while; this rule says
// which events it silences.
import type { SessionEventKind } from '../watch/events.js';
import type { CallAction } from '../boundary/call-action-rules.js';

export interface DoneAction {
  sessionId: string;
  action: CallAction;
  at: number;
}

/** Long enough for the server to settle the call and the engine to see it gone. */
export const ACTION_QUIET_MS = 2 * 60_000;

const SILENCES: Record<CallAction, readonly SessionEventKind[]> = {
  decline: ['missed', 'answered-elsewhere', 'ended'],
  hold: ['held'],
  resume: [],
  transfer: ['answered-elsewhere', 'missed', 'ended', 'held'],
  hangUp: ['ended', 'missed', 'answered-elsewhere'],
};

export function isSilencedByAction(
  done: readonly DoneAction[],
  event: { event: SessionEventKind; sessionId: string },
  now: number,
): boolean {
  return done.some(
    (d) =>
      d.sessionId === event.sessionId &&
      now - d.at <= ACTION_QUIET_MS &&
      SILENCES[d.action].includes(event.event),
  );
}

/** Forget what is past its quiet time, so the list stays as short as the agent's last minutes. */
export function pruneDone(done: readonly DoneAction[], now: number): DoneAction[] {
  return done.filter((d) => now - d.at <= ACTION_QUIET_MS);
}
