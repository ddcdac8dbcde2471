// A failed action in the agent's words. The server's own message is used where it has one
// worth reading (400/409); otherwise the status says enough.
import { isEvoApiError } from '../evo/api.js';
import { failureWords } from '../evo/failure-words.js';
import { UnsafePathSegment } from '../evo/path-segment.js';
import type { Session } from '../boundary/session.js';
import { sessionPhase } from '../boundary/session-reading.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import type { CallAction } from '../boundary/call-action-rules.js';
import { sentence } from '../boundary/sentence.js';

const english = createTranslator('en');

/** The server's own message (400/409) goes in as it came; our sentences in `t`'s language. */
export function actionFailureWords(
  action: CallAction,
  error: unknown,
  t: Translate = english,
): string {
  if (error instanceof UnsafePathSegment) return error.message;
  if (!isEvoApiError(error)) return t('error.unknown');
  const server = error.details.serverMessage;
  switch (error.status) {
    case 403:
      return t('callAction.forbidden', { action });
    case 404:
    case 410:
      return t('callAction.ended');
    case 400:
    case 409:
      return server !== undefined && server !== '' ? sentence(server) : failureWords(error, t);
    default:
      // No answer in time: the request may have reached the server, and it is never resent.
      if (error.kind === 'timeout') return t('callAction.timeout');
      return failureWords(error, t);
  }
}

/** Main refused before sending: the call's state (as last seen) does not allow it. */
export function notAllowedWords(
  action: CallAction,
  session: Session,
  t: Translate = english,
): string {
  const phase = sessionPhase(session);
  return phase === 'other'
    ? t('callAction.cannot', { action })
    : t('callAction.cannotNow', { action, phase: phase === 'ended' ? 'over' : phase });
}
