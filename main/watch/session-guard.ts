// The watcher's session: every call it makes goes through `authenticated`, which after a 401
// signs in again once (shared by a poll and an action that meet it together) and retries once.
// A stored password the platform refused is never tried again: accounts lock.
import { EvoApiError, isEvoApiError, type EvoApi } from '../evo/api.js';
import type { AgentProfile } from '../boundary/session.js';
import type { Logger } from '../log.js';

export interface SessionGuardOptions {
  api: EvoApi;
  server: string;
  username: string;
  /** The stored password for a silent re-sign-in after a 401, or null. */
  password: () => Promise<string | null>;
  log: Logger;
  /** Aborted when the watcher stops. */
  signal: () => AbortSignal;
  onSignedIn: (profile: AgentProfile) => void;
  onPasswordRejected: () => void;
}

export interface SessionGuard {
  /** Runs an API call; after a 401, one silent re-sign-in and one retry. */
  authenticated<T>(call: () => Promise<T>): Promise<T>;
}

export function createSessionGuard(options: SessionGuardOptions): SessionGuard {
  const { api, log } = options;
  /** Set once the stored password is rejected: it is never tried again (accounts lock). */
  let passwordRejected = false;
  /** A sign-in under way: a poll and an action meeting the same 401 share it. */
  let signingIn: Promise<void> | null = null;

  function signInAgain(): Promise<void> {
    signingIn ??= signInOnce().finally(() => {
      signingIn = null;
    });
    return signingIn;
  }

  async function signInOnce(): Promise<void> {
    const password = passwordRejected ? null : await options.password();
    if (password === null) {
      throw new EvoApiError(
        'rejected-credentials',
        passwordRejected
          ? 'Your saved password was rejected: sign in again.'
          : 'Your Evo Voice session expired and no password is saved: sign in again.',
        { reason: passwordRejected ? 'saved-password-rejected' : 'expired-no-password' },
      );
    }
    try {
      const { server, username } = options;
      const profile = await api.signIn(server, username, password, options.signal());
      log.info(`Signed in again as ${profile.name}.`);
      options.onSignedIn(profile);
    } catch (e) {
      if (isEvoApiError(e, 'rejected-credentials') && !options.signal().aborted) {
        passwordRejected = true;
        options.onPasswordRejected();
      }
      throw e;
    }
  }

  return {
    async authenticated(call) {
      try {
        return await call();
      } catch (e) {
        if (!isEvoApiError(e, 'rejected-credentials')) throw e;
        log.info('The Evo Voice session expired; signing in again.');
      }
      await signInAgain();
      return call();
    },
  };
}
