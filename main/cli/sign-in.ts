// The first sign-in of the `watch` command: retried with backoff while the server cannot be
// reached, never when it rejects the password (the platform can lock the account).
import { EvoApiError, isEvoApiError, type EvoApi } from '../evo/api.js';
import type { AgentProfile } from '../boundary/session.js';
import type { Logger } from '../log.js';
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS } from '../watch/backoff.js';
import type { Clock } from '../watch/clock.js';
import { withoutRetryHint } from '../evo/http-errors.js';
import { errorMessage } from '../boundary/errors.js';

export type SignInOutcome =
  | { kind: 'signed-in'; profile: AgentProfile }
  | { kind: 'rejected'; message: string }
  /** The server setting itself is unusable: retrying cannot help. */
  | { kind: 'bad-server'; message: string }
  | { kind: 'stopped' };

export interface SignInAttempt {
  api: EvoApi;
  server: string;
  username: string;
  password: string;
  clock: Clock;
  random: () => number;
  intervalMs: number;
  log: Logger;
  /** Aborted when the agent stops the command: mid-retry, or mid-request. */
  signal: AbortSignal;
}

export async function signInPatiently(attempt: SignInAttempt): Promise<SignInOutcome> {
  const { api, server, username, password, log, signal } = attempt;
  for (let failures = 0; !signal.aborted;) {
    try {
      const profile = await api.signIn(server, username, password, signal);
      return { kind: 'signed-in', profile };
    } catch (e) {
      if (signal.aborted) break;
      if (isEvoApiError(e, 'rejected-credentials')) {
        return { kind: 'rejected', message: rejectionMessage(e) };
      }
      if (isEvoApiError(e, 'bad-server-url')) return { kind: 'bad-server', message: e.message };
      failures += 1;
      const retryAfterMs = e instanceof EvoApiError ? e.retryAfterMs : undefined;
      const delay = backoffDelay(
        failures,
        attempt.intervalMs,
        DEFAULT_MAX_BACKOFF_MS,
        attempt.random,
        retryAfterMs,
      );
      const why = withoutRetryHint(errorMessage(e));
      const seconds = Math.max(1, Math.round(delay / 1000));
      log.warn(`Could not sign in to ${server}: ${why}; trying again in ${seconds} s.`);
      await wait(attempt.clock, delay, signal);
    }
  }
  return { kind: 'stopped' };
}

function rejectionMessage(e: EvoApiError): string {
  const server = e.details.serverMessage;
  return server && !e.message.includes(server) ? `${e.message} (${server})` : e.message;
}

function wait(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const handle = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clock.clearTimeout(handle);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
