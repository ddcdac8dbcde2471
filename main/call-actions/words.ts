// A failed action in the agent's words. The server's own message is used where it has one
// worth reading (400/409); otherwise the status says enough.
import { isEvoApiError } from '../evo/api.js';
import type { CallAction } from './rules.js';

const VERB: Record<CallAction, string> = {
  decline: 'decline calls',
  hold: 'put calls on hold',
  resume: 'take calls off hold',
  transfer: 'transfer calls',
  hangUp: 'hang up calls',
};

export function actionFailureWords(action: CallAction, error: unknown): string {
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
      return error.message;
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
