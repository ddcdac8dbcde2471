// The keychain against a real Secret Service. Run it through the private keyring:
//   node test/support/with-keyring.mjs npx vitest run test/credentials
import { describe, expect, it } from 'vitest';
import { openKeychain } from '../../main/credentials/keychain.js';
import { KEYCHAIN_SERVICE } from '../../main/credentials/store.js';

const privateKeyring = process.env.EVO_TEST_KEYRING === 'private';
const ci = process.env.CI === 'true';

if (!privateKeyring && ci) {
  throw new Error(
    'EVO_TEST_KEYRING is not "private": CI must run this suite through ' +
      'test/support/with-keyring.mjs so the keychain is really tested.',
  );
}
if (!privateKeyring) {
  console.warn(
    'keychain.test.ts skipped: no private Secret Service. Run it with ' +
      '`node test/support/with-keyring.mjs npx vitest run test/credentials`.',
  );
}

describe.runIf(privateKeyring)('openKeychain with a real Secret Service', () => {
  // Each test uses its own server, so no test sees another's entries.
  let n = 0;
  const server = () => `https://tenant-${Date.now()}-${++n}.evovoice.test`;

  it('opens as the keychain kind', async () => {
    expect((await openKeychain()).kind).toBe('keychain');
  });

  it('saves a password and reads it back, under the app’s service name', async () => {
    const store = await openKeychain();
    const at = server();
    await store.set(at, 'ada', 'first secret');
    expect(await store.get(at, 'ada')).toBe('first secret');
    const keytar = (await import('keytar')).default;
    const host = new URL(at).host;
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, `ada@${host}`)).toBe('first secret');
  });

  it('overwrites a saved password', async () => {
    const store = await openKeychain();
    const at = server();
    await store.set(at, 'ada', 'first');
    await store.set(at, 'ada', 'second');
    expect(await store.get(at, 'ada')).toBe('second');
  });

  it('deletes a saved password', async () => {
    const store = await openKeychain();
    const at = server();
    await store.set(at, 'ada', 'secret');
    await store.delete(at, 'ada');
    expect(await store.get(at, 'ada')).toBeNull();
  });

  it('answers null for an entry that was never saved, and deleting it is harmless', async () => {
    const store = await openKeychain();
    const at = server();
    expect(await store.get(at, 'nobody')).toBeNull();
    await expect(store.delete(at, 'nobody')).resolves.toBeUndefined();
  });

  it('keeps the same agent on two servers as two entries', async () => {
    const store = await openKeychain();
    const production = server();
    const staging = server();
    await store.set(production, 'ada', 'production secret');
    await store.set(staging, 'ada', 'staging secret');
    expect(await store.get(production, 'ada')).toBe('production secret');
    expect(await store.get(staging, 'ada')).toBe('staging secret');
    await store.delete(staging, 'ada');
    expect(await store.get(production, 'ada')).toBe('production secret');
  });
});
