// The fallback when the keychain is unavailable: passwords live in this process until it quits.
import { keychainAccount } from './store.js';
import type { CredentialStore } from './store.js';

export function memoryCredentialStore(): CredentialStore {
  const passwords = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (server, username) => passwords.get(keychainAccount(server, username)) ?? null,
    set: async (server, username, password) => {
      passwords.set(keychainAccount(server, username), password);
    },
    delete: async (server, username) => {
      passwords.delete(keychainAccount(server, username));
    },
  };
}
