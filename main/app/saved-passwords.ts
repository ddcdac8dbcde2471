// The agent's saved password, as the account uses it: kept only when they ask, never offered
// again once the server refused it, and a keychain failure is a notice, never a failed sign-in.
// IT's policy may forbid keeping it (allowRememberPassword: false): then nothing goes to the
// keychain, and a password kept there earlier is neither used nor left behind.
import type { RejectedPasswords } from '../credentials/rejected.js';
import type { CredentialStore } from '../credentials/store.js';
import type { Logger } from '../log.js';
import { notSavedNotice } from './account-words.js';
import { errorMessage } from '../boundary/errors.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

export interface SavedPasswords {
  /**
   * Stores the password, or makes sure no older one stays behind when the agent said no (null).
   * Returns the notice for the agent when a password they asked to keep could not be kept.
   */
  remember(server: string, username: string, password: string | null): Promise<string | undefined>;
  /** The saved password, unless the server refused it once: then only the agent may sign in. */
  get(server: string, username: string): Promise<string | null>;
  forget(server: string, username: string): Promise<void>;
  /** false while IT's policy forbids keeping a password. */
  mayRemember(): boolean;
}

export function savedPasswords(
  credentials: CredentialStore,
  rejected: RejectedPasswords,
  log: Logger,
  mayRemember: () => boolean = () => true,
  /** The agent's language for the notice, asked when it is written. */
  words: () => Translate = () => createTranslator('en'),
): SavedPasswords {
  async function forget(server: string, username: string): Promise<void> {
    await credentials
      .delete(server, username)
      .catch((e: unknown) => log.warn(`Could not delete the saved password: ${errorMessage(e)}`));
  }
  return {
    async remember(server, username, password) {
      if (password === null || !mayRemember()) {
        await forget(server, username);
        return undefined;
      }
      try {
        await credentials.set(server, username, password);
        return undefined;
      } catch (e) {
        log.warn(`Could not save the password: ${errorMessage(e)}`);
        return notSavedNotice(e, words());
      }
    },
    async get(server, username) {
      if (!mayRemember()) {
        await forget(server, username);
        return null;
      }
      if (rejected.isRejected(server, username)) return null;
      return credentials.get(server, username);
    },
    forget,
    mayRemember,
  };
}
