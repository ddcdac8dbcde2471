import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsPatch, type SignInRequest } from '../../main/contract.js';
import { createAccount, type DemoRun, type WatchRequest } from '../../main/app/account.js';
import { createAppStore, initialAppState, withPoll } from '../../main/app/app-state.js';
import type { CredentialStore } from '../../main/credentials/store.js';
import { EvoApiError, type EvoApi } from '../../main/evo/api.js';
import type { AgentProfile } from '../../main/evo/session.js';
import type { ConnectionEvent } from '../../main/watch/events.js';
import type { Watcher } from '../../main/watch/watcher.js';

const SERVER = 'https://team.evovoice.io';
const PROFILE: AgentProfile = { name: 'Ada Agent', email: 'ada@example.com' };

function fakeApi(answer: (password: string) => Promise<AgentProfile>) {
  const signIns: { server: string; username: string; password: string }[] = [];
  let signOuts = 0;
  const api: EvoApi = {
    async signIn(server, username, password) {
      signIns.push({ server, username, password });
      return answer(password);
    },
    getMySessions: async () => [],
    getSession: async (id) => ({ id }),
    async signOut() {
      signOuts++;
    },
  };
  return { api, signIns, signOuts: () => signOuts };
}

const acceptOnly =
  (good: string) =>
  async (password: string): Promise<AgentProfile> => {
    if (password === good) return PROFILE;
    throw new EvoApiError('rejected-credentials', 'Invalid UserName or Password');
  };

function fakeCredentials(initial: Record<string, string> = {}) {
  const entries = new Map(Object.entries(initial));
  const store: CredentialStore = {
    kind: 'keychain',
    get: async (server, user) => entries.get(`${user}@${server}`) ?? null,
    set: async (server, user, password) => void entries.set(`${user}@${server}`, password),
    delete: async (server, user) => void entries.delete(`${user}@${server}`),
  };
  return { store, entries };
}

function setup(
  options: {
    api?: ReturnType<typeof fakeApi>;
    stored?: Record<string, string>;
    settings?: SettingsPatch;
    keychain?: 'available' | 'unavailable';
  } = {},
) {
  const api = options.api ?? fakeApi(acceptOnly('s3cret'));
  const credentials = fakeCredentials(options.stored);
  const settings = { ...DEFAULT_SETTINGS, ...options.settings } as typeof DEFAULT_SETTINGS;
  const store = createAppStore(initialAppState(settings, options.keychain ?? 'available'));
  const saved: SettingsPatch[] = [];
  const watches: { request: WatchRequest; started: number; stopped: number }[] = [];
  const events: ConnectionEvent[] = [];
  const demos: { stopped: boolean }[] = [];
  const account = createAccount({
    api: api.api,
    credentials: credentials.store,
    store,
    saveSettings: (patch) => {
      saved.push(patch);
      store.update((s) => ({ ...s, settings: { ...s.settings, ...patch } as typeof s.settings }));
    },
    watch(request) {
      const record = { request, started: 0, stopped: 0 };
      watches.push(record);
      const watcher: Watcher = {
        start: async () => void record.started++,
        stop: async () => void record.stopped++,
        pause: () => {},
        resume: () => {},
        pollNow: () => {},
        setTiming: () => {},
      };
      return watcher;
    },
    async startDemo(): Promise<DemoRun> {
      const run = { stopped: false };
      demos.push(run);
      return {
        server: 'http://127.0.0.1:4000',
        username: 'demo',
        password: 'demo',
        stop: async () => void (run.stopped = true),
      };
    },
    onEvent: (event) => events.push(event),
    now: () => Date.parse('2026-03-02T10:00:00Z'),
  });
  return { account, api, credentials, store, saved, watches, events, demos };
}

const request = (over: Partial<SignInRequest> = {}): SignInRequest => ({
  server: SERVER,
  username: 'ada',
  password: 's3cret',
  remember: true,
  ...over,
});

describe('signing in', () => {
  it('with "remember" keeps the password in the credential store and only server + user in settings', async () => {
    const t = setup();
    expect(await t.account.signIn(request())).toEqual({ ok: true });
    expect(t.credentials.entries.get(`ada@${SERVER}`)).toBe('s3cret');
    expect(t.saved).toEqual([{ server: SERVER, username: 'ada' }]);
    expect(JSON.stringify(t.saved)).not.toContain('s3cret');
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      server: SERVER,
      demo: false,
      user: { name: 'Ada Agent', email: 'ada@example.com' },
    });
    expect(t.watches).toHaveLength(1);
    expect(t.watches[0]?.started).toBe(1);
    expect(await t.watches[0]?.request.password()).toBe('s3cret');
  });

  it('without "remember" removes a password an earlier sign-in left behind', async () => {
    const t = setup({ stored: { [`ada@${SERVER}`]: 'old' } });
    expect(await t.account.signIn(request({ remember: false }))).toEqual({ ok: true });
    expect(t.credentials.entries.size).toBe(0);
    // Nothing to sign in again with when the server session expires: the agent is asked.
    expect(await t.watches[0]?.request.password()).toBeNull();
  });

  it('a rejected password returns the server message and is never tried again', async () => {
    const t = setup();
    const result = await t.account.signIn(request({ password: 'wrong' }));
    expect(result).toEqual({ ok: false, error: 'Invalid UserName or Password' });
    expect(t.api.signIns).toHaveLength(1);
    expect(t.credentials.entries.size).toBe(0);
    expect(t.saved).toEqual([]);
    expect(t.watches).toEqual([]);
    expect(t.store.get().account).toMatchObject({
      status: 'signed-out',
      error: 'Invalid UserName or Password',
    });
  });

  it('refuses a plain-http server before sending the password anywhere', async () => {
    const t = setup();
    const result = await t.account.signIn(request({ server: 'http://evovoice.io' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/https/);
    expect(t.api.signIns).toEqual([]);
  });

  it('asks for the missing user name or password', async () => {
    const t = setup();
    expect(await t.account.signIn(request({ password: '' }))).toEqual({
      ok: false,
      error: 'Enter your password.',
    });
    expect(await t.account.signIn(request({ username: '  ' }))).toEqual({
      ok: false,
      error: 'Enter your user name.',
    });
    expect(t.api.signIns).toEqual([]);
  });

  it('a watcher re-sign-in updates the signed-in user', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.watches[0]?.request.onSignedIn({ name: 'Ada Lovelace' });
    expect(t.store.get().account.user).toEqual({ name: 'Ada Lovelace' });
  });

  it('with the keychain unavailable the account still says so after signing in', async () => {
    const t = setup({ keychain: 'unavailable' });
    await t.account.signIn(request());
    expect(t.store.get().account).toMatchObject({ status: 'signed-in', keychain: 'unavailable' });
  });

  it('signing out while the server is still answering leaves the agent signed out', async () => {
    let answer: (p: AgentProfile) => void = () => {};
    const api = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    const t = setup({ api });
    const pending = t.account.signIn(request());
    await vi.waitFor(() => expect(api.signIns).toHaveLength(1));
    await t.account.signOut();
    answer(PROFILE);
    expect((await pending).ok).toBe(false);
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.watches).toEqual([]);
  });
});

describe('switching accounts', () => {
  it('signing in as someone else stops the old watcher and forgets its calls', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.store.update((s) => withPoll(s, Date.now(), [{ id: 'call-1', callState: 'Ringing' }]));
    await t.account.signIn(request({ server: 'https://evovoice.io' }));
    expect(t.watches[0]?.stopped).toBe(1);
    expect(t.api.signOuts()).toBe(1);
    expect(t.store.get().sessions).toEqual([]);
    expect(t.store.get().account).toMatchObject({
      status: 'signed-in',
      server: 'https://evovoice.io',
    });
  });
});

describe('silent sign-in at start', () => {
  const known = { settings: { server: SERVER, username: 'ada' } };

  it('signs in with the remembered password and starts watching', async () => {
    const t = setup({ ...known, stored: { [`ada@${SERVER}`]: 's3cret' } });
    await t.account.signInSilently();
    expect(t.api.signIns).toEqual([{ server: SERVER, username: 'ada', password: 's3cret' }]);
    expect(t.store.get().account.status).toBe('signed-in');
    expect(t.watches[0]?.started).toBe(1);
  });

  it('does nothing without a remembered password', async () => {
    const t = setup(known);
    await t.account.signInSilently();
    expect(t.api.signIns).toEqual([]);
    expect(t.store.get().account.status).toBe('signed-out');
  });

  it('a rejected stored password: signed out, one notice, no retry, entry kept', async () => {
    const t = setup({ ...known, stored: { [`ada@${SERVER}`]: 'changed-since' } });
    await t.account.signInSilently();
    expect(t.api.signIns).toHaveLength(1);
    expect(t.watches).toEqual([]);
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ event: 'connection', status: 'signed-out' });
    expect(t.events[0]?.body).not.toContain('changed-since');
    expect(t.credentials.entries.get(`ada@${SERVER}`)).toBe('changed-since');
  });

  it('an unreachable server is not a rejection: the watcher keeps trying', async () => {
    const api = fakeApi(async () => {
      throw new EvoApiError('network', 'Evo Voice cannot be reached.');
    });
    const t = setup({ ...known, api, stored: { [`ada@${SERVER}`]: 's3cret' } });
    await t.account.signInSilently();
    expect(t.events).toEqual([]);
    expect(t.store.get().account.status).toBe('signing-in');
    expect(await t.watches[0]?.request.password()).toBe('s3cret');
    t.watches[0]?.request.onSignedIn(PROFILE);
    expect(t.store.get().account.status).toBe('signed-in');
  });
});

describe('signing out', () => {
  it('logs out, deletes the keychain entry, stops watching and forgets the calls', async () => {
    const t = setup();
    await t.account.signIn(request());
    t.store.update((s) => withPoll(s, Date.now(), [{ id: 'call-1', callState: 'Connected' }]));
    await t.account.signOut();
    expect(t.api.signOuts()).toBe(1);
    expect(t.credentials.entries.size).toBe(0);
    expect(t.watches[0]?.stopped).toBe(1);
    expect(t.store.get().sessions).toEqual([]);
    expect(t.store.get().account.status).toBe('signed-out');
    expect(t.account.watcher()).toBeNull();
  });

  it('after a rejected saved password, still deletes that entry', async () => {
    const t = setup({
      settings: { server: SERVER, username: 'ada' },
      stored: { [`ada@${SERVER}`]: 'changed-since' },
    });
    await t.account.signInSilently();
    await t.account.signOut();
    expect(t.credentials.entries.size).toBe(0);
  });
});

describe('the demo', () => {
  it('signs in to the simulator as the demo user and stores nothing', async () => {
    const t = setup({ api: fakeApi(async () => ({ name: 'Demo Agent' })) });
    expect(await t.account.startDemo()).toEqual({ ok: true });
    expect(t.api.signIns[0]).toMatchObject({ server: 'http://127.0.0.1:4000', username: 'demo' });
    expect(t.store.get().account).toMatchObject({ status: 'signed-in', demo: true });
    expect(t.credentials.entries.size).toBe(0);
    expect(t.saved).toEqual([]);
    expect(t.watches[0]?.started).toBe(1);
  });

  it('signing out of the demo stops the simulator', async () => {
    const t = setup({ api: fakeApi(async () => ({ name: 'Demo Agent' })) });
    await t.account.startDemo();
    await t.account.signOut();
    expect(t.demos[0]?.stopped).toBe(true);
    expect(t.watches[0]?.stopped).toBe(1);
  });
});
