// The agent's account: sign in, the silent sign-in at start, sign out, and the demo.
// Plain Node: the API, the credential store, the watcher and the demo simulator come in as
// small interfaces, so the whole flow is tested with fakes.
import {
  DEFAULT_SETTINGS,
  type SettingsPatch,
  type SignInRequest,
  type SignInResult,
} from '../contract.js';
import { isEvoApiError, type EvoApi } from '../evo/api.js';
import type { AgentProfile } from '../evo/session.js';
import type { CredentialStore } from '../credentials/store.js';
import { silentLogger, type Logger } from '../log.js';
import { applySettingsPatch } from '../settings/index.js';
import type { ConnectionEvent } from '../watch/events.js';
import type { Watcher } from '../watch/watcher.js';
import { signedOut, withAccount, type AppStore } from './app-state.js';

/** What the account asks of the watcher factory; the composition root adds timing, ledger, etc. */
export interface WatchRequest {
  server: string;
  username: string;
  /** A demo session: nothing about it is worth keeping on disk. */
  demo: boolean;
  /** The password for a silent re-sign-in after the server session expires, or null. */
  password: () => Promise<string | null>;
  onSignedIn: (profile: AgentProfile) => void;
}

/** A running demo: the in-process simulator with its scenario, and the user to sign in as. */
export interface DemoRun {
  server: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

export interface AccountDeps {
  api: EvoApi;
  /** The keychain, or memory for this run when the keychain is unavailable. */
  credentials: CredentialStore;
  store: AppStore;
  /** Persists a settings change (server and username only, from here). */
  saveSettings: (patch: SettingsPatch) => void;
  watch: (request: WatchRequest) => Watcher;
  startDemo: () => Promise<DemoRun>;
  /** Where a sign-out the agent did not ask for is reported (app state + notification). */
  onEvent: (event: ConnectionEvent) => void;
  now?: () => number;
  log?: Logger;
}

export interface Account {
  signIn(request: SignInRequest): Promise<SignInResult>;
  /** At start: signs in with the remembered password, if settings and the store have one. */
  signInSilently(): Promise<void>;
  signOut(): Promise<void>;
  startDemo(): Promise<SignInResult>;
  /** The running watcher, if signed in (power and network events pause and resume it). */
  watcher(): Watcher | null;
}

interface Current {
  server: string;
  username: string;
  watcher: Watcher;
  demo: DemoRun | null;
}

export function createAccount(deps: AccountDeps): Account {
  const { api, credentials, store } = deps;
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? Date.now;
  let current: Current | null = null;
  // Bumped by every sign-in and sign-out, so an answer that arrives after the agent moved on
  // is dropped instead of signing in behind their back.
  let generation = 0;

  function signedInAs(server: string, profile: AgentProfile, demo: boolean): void {
    const user = {
      name: profile.name,
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}),
    };
    store.update((s) => ({
      ...s,
      account: { status: 'signed-in', server, user, demo, keychain: s.account.keychain },
    }));
  }

  function startWatching(
    server: string,
    username: string,
    password: () => Promise<string | null>,
    demo: DemoRun | null,
  ): void {
    const watcher = deps.watch({
      server,
      username,
      demo: demo !== null,
      password,
      onSignedIn: (profile) => signedInAs(server, profile, demo !== null),
    });
    current = { server, username, watcher, demo };
    void watcher.start();
  }

  /** Stops watching and ends the server session; the keychain is the caller's business. */
  async function leave(): Promise<Current | null> {
    const left = current;
    current = null;
    if (!left) return null;
    await left.watcher.stop();
    await api.signOut().catch((e: unknown) => log.warn(`Sign-out request failed: ${messageOf(e)}`));
    await left.demo?.stop();
    return left;
  }

  async function signIn(request: SignInRequest): Promise<SignInResult> {
    const checked = validate(request);
    if (!checked.ok) return checked;
    const { server, username } = checked;
    const mine = ++generation;
    // Another account's calls must not show under this one.
    if (await leave()) store.update(signedOut);
    store.update((s) => withAccount(s, { status: 'signing-in', server, error: undefined }));
    let profile: AgentProfile;
    try {
      profile = await api.signIn(server, username, request.password);
    } catch (e) {
      // Never retried: a rejected password tried again can lock the account.
      const error = messageOf(e);
      if (mine === generation) store.update((s) => withAccount(s, { status: 'signed-out', error }));
      return { ok: false, error };
    }
    if (mine !== generation) return { ok: false, error: 'Signed out while signing in.' };
    await remember(server, username, request.remember ? request.password : null);
    deps.saveSettings({ server, username });
    signedInAs(server, profile, false);
    const password = request.remember ? () => credentials.get(server, username) : noPassword;
    startWatching(server, username, password, null);
    log.info(`Signed in to ${server} as ${username}.`);
    return { ok: true };
  }

  /** Stores the password, or makes sure no older one stays behind when the agent said no. */
  async function remember(server: string, username: string, password: string | null) {
    try {
      if (password === null) await credentials.delete(server, username);
      else await credentials.set(server, username, password);
    } catch (e) {
      log.warn(`Could not update the saved password: ${messageOf(e)}`);
    }
  }

  async function signInSilently(): Promise<void> {
    const { server, username } = store.get().settings;
    if (!server || !username || current) return;
    const password = await credentials.get(server, username).catch(() => null);
    if (password === null) return;
    const mine = ++generation;
    store.update((s) => withAccount(s, { status: 'signing-in', server, error: undefined }));
    try {
      const profile = await api.signIn(server, username, password);
      if (mine !== generation) return;
      signedInAs(server, profile, false);
    } catch (e) {
      if (mine !== generation) return;
      if (isEvoApiError(e, 'rejected-credentials')) {
        // The stored entry is kept, not deleted: a 401 can be the tenant's fault (an auth
        // outage, a password policy being rolled out), and deleting would silently throw away
        // a password the agent chose to keep. It is not tried again in this run; signing in
        // by hand replaces it, signing out deletes it.
        deps.onEvent(signedOutEvent(e.message, now()));
        return;
      }
      // Unreachable server, not a rejection: watch anyway; the watcher signs in with the
      // stored password once the server answers, backing off until then.
      log.warn(`Silent sign-in failed (${messageOf(e)}); will keep trying.`);
    }
    startWatching(server, username, () => credentials.get(server, username), null);
  }

  async function signOut(): Promise<void> {
    generation++;
    const left = await leave();
    // Signed out already (a rejected saved password)? The entry of the last account still goes.
    const { server, username } = left ?? store.get().settings;
    if (!left?.demo && server && username) {
      await credentials
        .delete(server, username)
        .catch((e: unknown) => log.warn(`Could not delete the saved password: ${messageOf(e)}`));
    }
    store.update(signedOut);
  }

  async function startDemo(): Promise<SignInResult> {
    const mine = ++generation;
    if (await leave()) store.update(signedOut);
    let demo: DemoRun;
    try {
      demo = await deps.startDemo();
    } catch (e) {
      return { ok: false, error: `The demo could not start: ${messageOf(e)}` };
    }
    try {
      const profile = await api.signIn(demo.server, demo.username, demo.password);
      if (mine !== generation) throw new Error('Signed out while the demo was starting.');
      signedInAs(demo.server, profile, true);
    } catch (e) {
      await demo.stop();
      return { ok: false, error: messageOf(e) };
    }
    // The demo password is the simulator's, not a secret: it never goes near the keychain.
    const password = demo.password;
    startWatching(demo.server, demo.username, () => Promise.resolve(password), demo);
    return { ok: true };
  }

  return { signIn, signInSilently, signOut, startDemo, watcher: () => current?.watcher ?? null };
}

type Checked = { ok: true; server: string; username: string } | { ok: false; error: string };

function validate(request: SignInRequest): Checked {
  if (typeof request.password !== 'string' || request.password.length === 0) {
    return { ok: false, error: 'Enter your password.' };
  }
  if (typeof request.username !== 'string' || request.username.trim() === '') {
    return { ok: false, error: 'Enter your user name.' };
  }
  try {
    // The settings rules are the one place that says what a server and a user name may be.
    const { server, username } = applySettingsPatch(DEFAULT_SETTINGS, {
      server: request.server,
      username: request.username,
    });
    return { ok: true, server, username };
  } catch (e) {
    return { ok: false, error: messageOf(e) };
  }
}

function signedOutEvent(detail: string, at: number): ConnectionEvent {
  return {
    event: 'connection',
    status: 'signed-out',
    at: new Date(at).toISOString(),
    title: 'Signed out of Evo Voice',
    body: `Your saved password was not accepted (${detail}). Sign in again to see your calls.`,
    detail,
  };
}

const noPassword = (): Promise<string | null> => Promise.resolve(null);

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
