// Fakes for the account flow: an API that accepts one password, a credential store (with a
// keychain write that can be held up), and an account wired to them, recording what it did.
import {
  DEFAULT_SETTINGS,
  type SettingsPatch,
  type SignInRequest,
} from '../../main/boundary/contract.js';
import { createAccount, type DemoRun, type WatchRequest } from '../../main/app/account.js';
import { createAppStore, initialAppState } from '../../main/app/app-state.js';
import type { RejectedPasswords } from '../../main/credentials/rejected.js';
import type { CredentialStore } from '../../main/credentials/store.js';
import { EvoApiError, type EvoApi } from '../../main/evo/api.js';
import type { AgentProfile } from '../../main/boundary/session.js';
import type { ConnectionEvent } from '../../main/watch/events.js';
import type { Watcher } from '../../main/watch/watcher.js';

export const SERVER = 'https://team.evovoice.io';
export const PROFILE: AgentProfile = { name: 'Ada Agent', email: 'ada@example.com' };

export function fakeApi(answer: (password: string) => Promise<AgentProfile>) {
  const signIns: { server: string; username: string; password: string }[] = [];
  let signOuts = 0;
  const api: EvoApi = {
    async signIn(server, username, password) {
      signIns.push({ server, username, password });
      return answer(password);
    },
    getMySessions: async () => [],
    getSession: async (id) => ({ id }),
    sendAction: async () => {},
    async signOut() {
      signOuts++;
    },
  };
  return { api, signIns, signOuts: () => signOuts };
}

export const acceptOnly =
  (good: string) =>
  async (password: string): Promise<AgentProfile> => {
    if (password === good) return PROFILE;
    // As the client makes it from the server's 401 (http-errors.ts): its words as a detail.
    throw new EvoApiError(
      'rejected-credentials',
      'Sign-in was rejected: Invalid UserName or Password',
      {
        status: 401,
        purpose: 'signing-in',
        serverMessage: 'Invalid UserName or Password',
      },
    );
  };

export function fakeCredentials(
  initial: Record<string, string> = {},
  beforeSet: () => Promise<void> = async () => {},
) {
  const entries = new Map(Object.entries(initial));
  const store: CredentialStore = {
    kind: 'keychain',
    get: async (server, user) => entries.get(`${user}@${server}`) ?? null,
    async set(server, user, password) {
      await beforeSet();
      entries.set(`${user}@${server}`, password);
    },
    delete: async (server, user) => void entries.delete(`${user}@${server}`),
  };
  return { store, entries };
}

/** A keychain write that waits until the test lets it finish (or fail). */
export function slowKeychainWrite() {
  let finish: (error?: Error) => void = () => {};
  let started = false;
  const beforeSet = () =>
    new Promise<void>((resolve, reject) => {
      started = true;
      finish = (error) => (error ? reject(error) : resolve());
    });
  return { beforeSet, started: () => started, finish: (error?: Error) => finish(error) };
}

export function setup(
  options: {
    api?: ReturnType<typeof fakeApi>;
    stored?: Record<string, string>;
    settings?: SettingsPatch;
    keychain?: 'available' | 'unavailable';
    beforeSet?: () => Promise<void>;
    demoFails?: boolean;
    rejected?: RejectedPasswords;
    mayRememberPassword?: () => boolean;
  } = {},
) {
  const api = options.api ?? fakeApi(acceptOnly('s3cret'));
  const credentials = fakeCredentials(options.stored, options.beforeSet);
  let notificationsClosed = 0;
  const settings = { ...DEFAULT_SETTINGS, ...options.settings } as typeof DEFAULT_SETTINGS;
  const store = createAppStore(initialAppState(settings, options.keychain ?? 'available'));
  const saved: SettingsPatch[] = [];
  const watches: { request: WatchRequest; started: number; stopped: number }[] = [];
  const events: ConnectionEvent[] = [];
  const demos: { stopped: boolean }[] = [];
  const account = createAccount({
    api: api.api,
    credentials: credentials.store,
    ...(options.rejected ? { rejected: options.rejected } : {}),
    ...(options.mayRememberPassword ? { mayRememberPassword: options.mayRememberPassword } : {}),
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
        wake: () => {},
        setTiming: () => {},
        signedIn: (request) => request(new AbortController().signal),
      };
      return watcher;
    },
    async startDemo(): Promise<DemoRun> {
      if (options.demoFails) throw new Error('no free port');
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
    closeNotifications: () => void notificationsClosed++,
    now: () => Date.parse('2026-03-02T10:00:00Z'),
  });
  return {
    account,
    api,
    credentials,
    store,
    saved,
    watches,
    events,
    demos,
    notificationsClosed: () => notificationsClosed,
  };
}

export const request = (over: Partial<SignInRequest> = {}): SignInRequest => ({
  server: SERVER,
  username: 'ada',
  password: 's3cret',
  remember: true,
  ...over,
});
