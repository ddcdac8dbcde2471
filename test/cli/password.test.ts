import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { findPassword, promptHidden, type PasswordSources } from '../../main/cli/password.js';
import type { CredentialStore } from '../../main/credentials/store.js';
import { silentLogger } from '../../main/log.js';

const SERVER = 'https://evovoice.io';
const USER = 'agent@example.com';

function keychainWith(saved: Record<string, string>): () => Promise<CredentialStore> {
  return async () => ({
    kind: 'keychain',
    get: async (server, username) => saved[`${username}@${server}`] ?? null,
    set: async () => {},
    delete: async () => {},
  });
}

function sources(overrides: Partial<PasswordSources> = {}): PasswordSources {
  return {
    env: {},
    openKeychain: keychainWith({}),
    prompt: null,
    log: silentLogger,
    ...overrides,
  };
}

describe('finding the password', () => {
  it('prefers EVO_PASSWORD, without opening the keychain', async () => {
    const openKeychain = vi.fn(keychainWith({ [`${USER}@${SERVER}`]: 'from keychain' }));
    const found = await findPassword(
      SERVER,
      USER,
      sources({ env: { EVO_PASSWORD: 'from env' }, openKeychain }),
    );
    expect(found).toBe('from env');
    expect(openKeychain).not.toHaveBeenCalled();
  });

  it('then takes the keychain entry the app saved for this user and server', async () => {
    const prompt = vi.fn(async () => 'typed');
    const found = await findPassword(
      SERVER,
      USER,
      sources({ openKeychain: keychainWith({ [`${USER}@${SERVER}`]: 'saved' }), prompt }),
    );
    expect(found).toBe('saved');
    expect(prompt).not.toHaveBeenCalled();
  });

  it('treats an unavailable keychain as nothing saved and asks on the terminal', async () => {
    const prompt = vi.fn(async () => 'typed');
    const openKeychain = async (): Promise<CredentialStore> => {
      throw new Error('No Secret Service');
    };
    expect(await findPassword(SERVER, USER, sources({ openKeychain, prompt }))).toBe('typed');
    expect(prompt).toHaveBeenCalledWith(`Evo Voice password for ${USER}: `);
  });

  it('gives up with null when there is nothing saved and no terminal', async () => {
    expect(await findPassword(SERVER, USER, sources())).toBeNull();
  });

  it('treats an empty answer at the prompt as no password', async () => {
    expect(await findPassword(SERVER, USER, sources({ prompt: async () => '' }))).toBeNull();
  });

  it('treats a prompt abandoned with Ctrl-C as no password', async () => {
    const prompt = async (): Promise<string> => {
      throw new Error('No password entered.');
    };
    expect(await findPassword(SERVER, USER, sources({ prompt }))).toBeNull();
  });
});

/** A terminal stand-in: what is typed goes in, what is echoed comes out. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { setRawMode: vi.fn(), isTTY: true });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return {
    input: input as unknown as NodeJS.ReadStream & typeof input,
    output,
    shown: () => shown,
  };
}

describe('the hidden prompt', () => {
  it('reads a line without echoing it, honouring backspace', async () => {
    const term = fakeTerminal();
    const answer = promptHidden('Password: ', term.input, term.output);
    term.input.write('hunter3');
    term.input.write('\u007f2\r');
    expect(await answer).toBe('hunter2');
    expect(term.shown()).toBe('Password: \n');
    expect(term.input.setRawMode).toHaveBeenLastCalledWith(false);
  });

  it('Ctrl-C abandons the prompt', async () => {
    const term = fakeTerminal();
    const answer = promptHidden('Password: ', term.input, term.output);
    term.input.write('abc\u0003');
    await expect(answer).rejects.toThrow('No password entered');
    expect(term.shown()).not.toContain('abc');
  });
});
