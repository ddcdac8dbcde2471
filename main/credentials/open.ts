// The keychain when the OS has one; else memory for this run, and the window says so.
import type { Logger } from '../log.js';
import { openKeychain } from './keychain.js';
import { memoryCredentialStore } from './memory.js';
import { errorMessage } from '../boundary/errors.js';

export async function openCredentials(log: Logger) {
  try {
    return { credentials: await openKeychain(), keychain: 'available' as const };
  } catch (e) {
    log.warn(errorMessage(e));
    return { credentials: memoryCredentialStore(), keychain: 'unavailable' as const };
  }
}
