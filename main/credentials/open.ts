// The keychain when the OS has one; else memory for this run, and the window says so.
import type { Logger } from '../log.js';
import { openKeychain } from './keychain.js';
import { memoryCredentialStore } from './memory.js';

export async function openCredentials(log: Logger) {
  try {
    return { credentials: await openKeychain(), keychain: 'available' as const };
  } catch (e) {
    log.warn((e as Error).message);
    return { credentials: memoryCredentialStore(), keychain: 'unavailable' as const };
  }
}
