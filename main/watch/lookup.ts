// How a call the engine lost track of ended: asked of Evo Voice, signed in again if need be (a
// 401 here must not turn a call answered elsewhere into missed).
import { EvoApiError, type EvoApi, type EvoErrorKind } from '../evo/api.js';
import { errorMessage } from '../boundary/errors.js';
import { sentence } from '../boundary/sentence.js';
import type { Session } from '../boundary/session.js';
import type { Logger } from '../log.js';
import type { SessionGuard } from './session-guard.js';

/** Errors that may clear up by the next poll; the others settle a lookup at once. */
const PASSING_LOOKUP_ERRORS: ReadonlySet<EvoErrorKind> = new Set([
  'server',
  'rate-limited',
  'timeout',
  'bad-response',
]);

export interface LookupContext {
  api: EvoApi;
  guard: SessionGuard;
  signal: AbortSignal;
  log: Logger;
}

/**
 * The call as Evo Voice has it; 'failed' when it cannot be learned (gone, not allowed,
 * unreachable, signed out); 'ask-again' after a passing error, so the next poll asks again
 * until the engine's lookup deadline reports it missed.
 */
export async function lookUp(
  sessionId: string,
  { api, guard, signal, log }: LookupContext,
): Promise<Session | 'failed' | 'ask-again'> {
  try {
    return await guard.authenticated(() => api.getSession(sessionId, signal));
  } catch (e) {
    if (signal.aborted) return 'ask-again';
    const error = toApiError(e);
    const passing = PASSING_LOOKUP_ERRORS.has(error.kind);
    const next = passing ? 'Asking again at the next poll.' : 'Judging by what was last seen.';
    log.warn(`Could not look up how call ${sessionId} ended: ${sentence(error.message)} ${next}`);
    return passing ? 'ask-again' : 'failed';
  }
}

export function toApiError(e: unknown): EvoApiError {
  return e instanceof EvoApiError ? e : new EvoApiError('bad-response', errorMessage(e));
}
