// The keychain's failure paths, with a stand-in keytar: these run everywhere.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KeychainError,
  KeychainUnavailableError,
  openKeychain,
} from '../../main/credentials/keychain.js';
import type { Keytar } from '../../main/credentials/keychain.js';

const SERVER = 'https://evovoice.io';
const PASSWORD = 'correct horse battery staple';

/** A keytar whose every call fails with the given message. */
function failingKeytar(message: string): Keytar {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

/** A keytar that works until `breakNow()`, then fails, echoing what it was given. */
function breakableKeytar() {
  let broken = false;
  const saved = new Map<string, string>();
  const keytar: Keytar = {
    async getPassword(_service, account) {
      if (broken) throw new Error(`Secret Service locked while reading ${account}`);
      return saved.get(account) ?? null;
    },
    async setPassword(_service, account, password) {
      if (broken) throw new Error(`cannot store secret "${password}"\nfor ${account}`);
      saved.set(account, password);
    },
    async deletePassword(_service, account) {
      if (broken) throw new Error('D-Bus connection closed');
      return saved.delete(account);
    },
  };
  return { keytar, breakNow: () => (broken = true) };
}

async function unavailable(open: Promise<unknown>): Promise<KeychainUnavailableError> {
  try {
    await open;
  } catch (e) {
    if (e instanceof KeychainUnavailableError) return e;
    throw e;
  }
  throw new Error('the keychain opened');
}

describe('openKeychain when the keychain cannot be used', () => {
  it('says why and what happens instead when the Secret Service does not answer', async () => {
    const e = await unavailable(
      openKeychain(async () => failingKeytar('Could not connect: No such file'), 'linux'),
    );
    expect(e.message).toBe(
      'The system keychain is not available (Could not connect: No such file). ' +
        'Your password will be kept in memory until you quit. ' +
        'On Linux this needs a Secret Service such as GNOME Keyring or KWallet, running and unlocked.',
    );
  });

  it('does not mention Linux services on other systems', async () => {
    const e = await unavailable(openKeychain(async () => failingKeytar('denied'), 'darwin'));
    expect(e.message).toBe(
      'The system keychain is not available (denied). ' +
        'Your password will be kept in memory until you quit.',
    );
  });

  it('treats a keytar that cannot be loaded as unavailable, not a crash', async () => {
    const missing = async () => {
      throw new Error("Cannot find module 'keytar'");
    };
    const e = await unavailable(openKeychain(missing, 'win32'));
    expect(e.message).toContain("(Cannot find module 'keytar')");
    const empty = await unavailable(openKeychain(async () => ({ default: {} }), 'win32'));
    expect(empty.message).toContain('does not look like keytar');
  });

  it.runIf(process.platform === 'linux')(
    'is unavailable with the real keytar when D-Bus points nowhere',
    () => {
      const script = [
        "const { openKeychain } = await import('./main/credentials/keychain.ts');",
        'try { await openKeychain(); console.log("opened"); }',
        'catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message })); }',
      ].join('\n');
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          encoding: 'utf8',
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
          env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/evo-test-bus' },
        },
      );
      expect(child.stdout, child.stderr).toMatch(/^\{/);
      const result = JSON.parse(child.stdout) as { name: string; message: string };
      expect(result.name).toBe('KeychainUnavailableError');
      expect(result.message).toMatch(/^The system keychain is not available \(.+\)\. /);
      expect(result.message).toContain('GNOME Keyring or KWallet');
    },
  );
});

describe('keychain errors after it opened', () => {
  it('wraps read, save and remove failures in plain words', async () => {
    const { keytar, breakNow } = breakableKeytar();
    const store = await openKeychain(async () => keytar);
    breakNow();
    await expect(store.get(SERVER, 'ada')).rejects.toThrow(
      'Could not read the saved password for ada@evovoice.io in the system keychain ' +
        '(Secret Service locked while reading ada@evovoice.io).',
    );
    await expect(store.delete(SERVER, 'ada')).rejects.toThrow(
      'Could not remove the saved password for ada@evovoice.io in the system keychain (D-Bus connection closed).',
    );
    await expect(store.set(SERVER, 'ada', PASSWORD)).rejects.toBeInstanceOf(KeychainError);
  });

  it('never puts the password in an error message', async () => {
    const { keytar, breakNow } = breakableKeytar();
    const store = await openKeychain(async () => keytar);
    breakNow();
    const error = await store.set(SERVER, 'ada', PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainError);
    expect(String((error as Error).message)).not.toContain(PASSWORD);
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect((error as Error).message).toBe(
      'Could not save the password for ada@evovoice.io in the system keychain (cannot store secret "•••").',
    );
    // The short reason, for the account's notice, is as clean as the message.
    expect((error as KeychainError).reason).toBe('cannot store secret "•••"');
  });
});
