/**
 * Where a remembered password lives. The keychain (keytar) implements it; when the keychain
 * is unavailable the app falls back to memory for this run only. Nothing else ever holds a
 * password.
 */
export interface CredentialStore {
  readonly kind: 'keychain' | 'memory';
  get(server: string, username: string): Promise<string | null>;
  set(server: string, username: string, password: string): Promise<void>;
  delete(server: string, username: string): Promise<void>;
}

/** The keychain service name every platform shows the agent. */
export const KEYCHAIN_SERVICE = 'Evo Voice Tray';

/** `<username>@<server host>`: one entry per agent per tenant. */
export function keychainAccount(server: string, username: string): string {
  return `${username}@${new URL(server).host}`;
}
