// Claims of docs/SECURITY.md that no other suite states on its own: the window's content
// policy, the preload's single door, the files' modes, and a locked account asked once.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signInPatiently } from '../../main/cli/sign-in.js';
import { createRejectedPasswords, diskMarkFile } from '../../main/credentials/rejected.js';
import { createEvoClient } from '../../main/evo/client.js';
import { silentLogger } from '../../main/log.js';
import { emptyMemory, type EndedCall } from '../../main/watch/decide.js';
import { ENDED_FILE, LEDGER_FILE, saveMemory } from '../../main/watch/ledger.js';
import { json, stubServers } from '../evo/stub-server.js';

const { stub, closeAll } = stubServers();
const dirs: string[] = [];
afterAll(async () => {
  closeAll();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** The Content-Security-Policy of a page, as its meta tag says. */
async function policyOf(page: string): Promise<Map<string, string>> {
  const html = await readFile(new URL(`../../${page}`, import.meta.url), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(content, `${page} has a CSP`).toBeDefined();
  return new Map(
    (content ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values.join(' ')]),
  );
}

describe('the window cannot reach the network or run strings', () => {
  it.each(['renderer/index.html', 'renderer/ring/index.html'])(
    '%s: default-src none, scripts only our own, no inline or eval, no connect',
    async (page) => {
      const policy = await policyOf(page);
      expect(policy.get('default-src')).toBe("'none'");
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('connect-src') ?? "'none'").toBe("'none'");
      expect([...policy.values()].join(' ')).not.toMatch(/unsafe-|\*|https?:/);
    },
  );
});

describe('the preload opens one door', () => {
  it('exposes window.evoTray and nothing else, only functions on it', async () => {
    const { vi } = await import('vitest');
    const exposed = new Map<string, unknown>();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    }));
    vi.resetModules();
    await import('../../renderer/preload.js');
    expect([...exposed.keys()]).toEqual(['evoTray']);
    const bridge = exposed.get('evoTray') as Record<string, unknown>;
    for (const [name, value] of Object.entries(bridge)) {
      expect(typeof value, name).toBe('function');
    }
    vi.doUnmock('electron');
  });
});

describe.skipIf(process.platform === 'win32')('files the app writes are the agent’s only', () => {
  it('the ledger (both files) and the rejected-password marks are 0600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evo-modes-'));
    dirs.push(dir);
    const ended: EndedCall = {
      id: 'c1',
      lastSeenAt: 1,
      awaitingAnswer: false,
      heldSince: null,
      heldAlertedAt: null,
      outcome: 'missed',
      lookup: 'used',
    };
    await saveMemory(dir, { ...emptyMemory(), ended: [ended] }, 2);
    createRejectedPasswords(diskMarkFile(join(dir, 'rejected.json'))).markRejected('s', 'u', 0);
    for (const file of [LEDGER_FILE, ENDED_FILE, 'rejected.json']) {
      expect(((await stat(join(dir, file))).mode & 0o777).toString(8), file).toBe('600');
    }
  });
});

describe('a locked account is asked once', () => {
  it('a 403 "Account locked" at sign-in: watch sends one sign-in and stops with the server words', async () => {
    let signIns = 0;
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        signIns += 1;
        json(res, 403, { responseStatus: { errorCode: 'Forbidden', message: 'Account locked' } });
      },
    });
    const outcome = await signInPatiently({
      api: createEvoClient(),
      server: url,
      username: 'ann',
      password: 'pw-123456',
      clock: { now: () => 0, setTimeout: (fn) => queueMicrotask(fn), clearTimeout() {} },
      random: () => 0,
      intervalMs: 1000,
      log: silentLogger,
      signal: new AbortController().signal,
    });
    expect(outcome).toEqual({ kind: 'rejected', message: 'Sign-in was refused: Account locked.' });
    expect(signIns).toBe(1);
  });
});
