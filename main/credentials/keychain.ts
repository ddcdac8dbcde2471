// The OS keychain (Keychain, Credential Manager, Secret Service) through keytar. keytar is a
// native module loaded on demand, so a missing or broken build becomes "unavailable", not a crash.
import { KEYCHAIN_SERVICE, keychainAccount } from './store.js';
import type { CredentialStore } from './store.js';
import { errorMessage } from '../boundary/errors.js';

/** The part of keytar used here. */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The keychain cannot be used at all this run; the app keeps passwords in memory instead. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

/** One keychain operation failed. Neither the message nor the reason contains the password. */
export class KeychainError extends Error {
  override readonly name = 'KeychainError';
  constructor(
    message: string,
    /** The keychain's own short reason, for a sentence of the caller's. */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** An account name that is never saved: reading it proves the keychain answers. */
const PROBE_ACCOUNT = 'availability-check';

export async function openKeychain(
  loadKeytar: () => Promise<unknown> = () => import('keytar'),
  platform: NodeJS.Platform = process.platform,
): Promise<CredentialStore> {
  let keytar: Keytar;
  try {
    keytar = asKeytar(await loadKeytar());
    await keytar.getPassword(KEYCHAIN_SERVICE, PROBE_ACCOUNT);
  } catch (e) {
    throw new KeychainUnavailableError(unavailableMessage(reasonOf(e), platform));
  }
  return {
    kind: 'keychain',
    async get(server, username) {
      const account = keychainAccount(server, username);
      try {
        return await keytar.getPassword(KEYCHAIN_SERVICE, account);
      } catch (e) {
        throw failed(`read the saved password for ${account}`, e);
      }
    },
    async set(server, username, password) {
      const account = keychainAccount(server, username);
      try {
        await keytar.setPassword(KEYCHAIN_SERVICE, account, password);
      } catch (e) {
        throw failed(`save the password for ${account}`, e, password);
      }
    },
    async delete(server, username) {
      const account = keychainAccount(server, username);
      try {
        await keytar.deletePassword(KEYCHAIN_SERVICE, account);
      } catch (e) {
        throw failed(`remove the saved password for ${account}`, e);
      }
    },
  };
}

export function unavailableMessage(reason: string, platform: NodeJS.Platform): string {
  const linux =
    platform === 'linux'
      ? ' On Linux this needs a Secret Service such as GNOME Keyring or KWallet, running and unlocked.'
      : '';
  return (
    `The system keychain is not available (${reason}). ` +
    `Your password will be kept in memory until you quit.${linux}`
  );
}

/** keytar is CommonJS: its functions sit on `default`, or on the module itself. */
function asKeytar(mod: unknown): Keytar {
  const candidate = (mod as { default?: unknown } | null)?.default ?? mod;
  const k = candidate as Partial<Keytar> | null;
  if (
    typeof k?.getPassword !== 'function' ||
    typeof k.setPassword !== 'function' ||
    typeof k.deletePassword !== 'function'
  ) {
    throw new Error('the keytar module does not look like keytar');
  }
  return k as Keytar;
}

function failed(what: string, cause: unknown, password?: string): KeychainError {
  const reason = reasonOf(cause, password);
  return new KeychainError(`Could not ${what} in the system keychain (${reason}).`, reason);
}

/** The first line of the underlying error, short, with any secret blanked out. */
function reasonOf(e: unknown, secret?: string): string {
  let raw = errorMessage(e);
  if (secret) raw = raw.split(secret).join('•••');
  const reason = raw.split('\n')[0]?.trim() || 'no reason given';
  return reason.length > 200 ? `${reason.slice(0, 200)}…` : reason;
}
