// A failed action in the agent's words. The server's own message is used where it has one
// worth reading (400/409); otherwise the status says enough.
import { isEvoApiError } from '../evo/api.js';
import { UnsafePathSegment } from '../evo/path-segment.js';
import type { Session } from '../boundary/session.js';
import { sessionPhase, type SessionPhase } from '../boundary/session-reading.js';
import type { CallAction } from '../boundary/call-action-rules.js';
import { sentence } from '../boundary/sentence.js';

const VERB: Record<CallAction, string> = {
  decline: 'decline calls',
  hold: 'put calls on hold',
  resume: 'take calls off hold',
  transfer: 'transfer calls',
  hangUp: 'hang up calls',
};

export function actionFailureWords(action: CallAction, error: unknown): string {
  if (error instanceof UnsafePathSegment) return error.message;
  if (!isEvoApiError(error)) return 'Something went wrong. Try again.';
  const server = error.details.serverMessage;
  switch (error.status) {
    case 403:
      return `Your account is not allowed to ${VERB[action]}.`;
    case 404:
    case 410:
      return 'This call has already ended.';
    case 400:
    case 409:
      return server !== undefined && server !== '' ? sentence(server) : error.message;
    default:
      // No answer in time: the request may have reached the server, and it is never resent.
      if (error.kind === 'timeout') {
        return `Evo Voice did not answer in time, so the call may or may not have changed: check it before trying again.`;
      }
      return error.message;
  }
}

const CANNOT: Record<CallAction, string> = {
  decline: 'Only a call ringing for you can be declined',
  hold: 'Only a connected call of yours can be put on hold',
  resume: 'Only a call you hold can be taken off hold',
  transfer: 'Only a connected or held call of yours can be transferred',
  hangUp: 'Only a call of yours that is connected, held or dialling can be hung up',
};

/** Main refused before sending: the call's state (as last seen) does not allow it. */
export function notAllowedWords(action: CallAction, session: Session): string {
  const phase = sessionPhase(session);
  const now = phase === 'other' ? '' : ` (this one is ${PHASE_WORDS[phase]})`;
  return `${CANNOT[action]}${now}.`;
}

const PHASE_WORDS: Record<Exclude<SessionPhase, 'other'>, string> = {
  ringing: 'ringing',
  queued: 'queued',
  held: 'on hold',
  connected: 'connected',
  ended: 'over',
};
