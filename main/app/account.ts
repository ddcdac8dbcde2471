// The agent's account: sign in, the silent sign-in at start, sign out, and the demo.
// Plain Node: the API, the credential store, the watcher and the demo simulator come in as
// small interfaces, so the whole flow is tested with fakes.
import { createTranslator } from '../boundary/i18n/index.js';
import type { SettingsPatch, SignInRequest, SignInResult } from '../boundary/contract.js';
import { isEvoApiError, type EvoApi } from '../evo/api.js';
import type { AgentProfile } from '../boundary/session.js';
import { createRejectedPasswords, type RejectedPasswords } from '../credentials/rejected.js';
import type { CredentialStore } from '../credentials/store.js';
import { silentLogger, type Logger } from '../log.js';
import type { ConnectionEvent } from '../watch/events.js';
import type { Watcher } from '../watch/watcher.js';
import {
  checkSignIn,
  rejectedEarlier,
  signedOutMeanwhile,
  demoFailed,
  signedOutEvent,
  signInFailure,
  unreachable,
} from './account-words.js';
import { errorMessage } from '../boundary/errors.js';
import { latestOnly } from './latest-only.js';
import { savedPasswords } from './saved-passwords.js';
import { signedOut, waitingForServer, withAccount, type AppStore } from './app-state.js';

/** What the account asks of the watcher factory; the composition root adds timing, ledger, etc. */
export interface WatchRequest {
  server: string;
  username: string;
  /** A demo session: nothing about it is worth keeping on disk. */
  demo: boolean;
  /** The password for a silent re-sign-in after the server session expires, or null. */
  password: () => Promise<string | null>;
  onSignedIn: (profile: AgentProfile) => void;
  /** The server refused the saved password at a re-sign-in: never to be sent again. */
  onPasswordRejected: () => void;
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
  /** Saved passwords the server refused, remembered across starts (nothing secret in it). */
  rejected?: RejectedPasswords;
  store: AppStore;
  /** Persists a settings change (server and username only, from here). */
  saveSettings: (patch: SettingsPatch) => void;
  watch: (request: WatchRequest) => Watcher;
  startDemo: () => Promise<DemoRun>;
  /** Where a sign-out the agent did not ask for is reported (app state + notification). */
  onEvent: (event: ConnectionEvent) => void;
  /** Closes every notification on screen: the old account's calls are no longer this agent's. */
  closeNotifications: () => void;
  /** false while IT's policy forbids keeping the password in the keychain (default true). */
  mayRememberPassword?: () => boolean;
  now?: () => number;
  log?: Logger;
}

export interface Account {
  signIn(request: SignInRequest): Promise<SignInResult>;
  /** At start: signs in with the remembered password, if settings and the store have one. */
  /** true when the agent is signed in (or waiting for the server); false: ask them to sign in. */
  signInSilently(): Promise<boolean>;
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
  /** What the agent reads, in their language now. */
  const words = () => createTranslator(store.get().locale);
  const rejected = deps.rejected ?? createRejectedPasswords();
  const passwords = savedPasswords(credentials, rejected, log, deps.mayRememberPassword, words);
  let current: Current | null = null;
  // Every sign-in, demo and sign-out begins a turn: an answer that arrives after the agent
  // moved on is dropped instead of signing in behind their back. Checked after every await.
  const begin = latestOnly<'sign-in' | 'demo' | 'sign-out'>();

  function signedInAs(server: string, profile: AgentProfile, demo: boolean, notice?: string) {
    const user = {
      name: profile.name,
      ...(profile.email ? { email: profile.email } : {}),
      ...(profile.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}),
      ...(profile.id ? { id: profile.id } : {}),
    };
    store.update((s) => ({
      ...s,
      account: {
        status: 'signed-in',
        server,
        user,
        demo,
        keychain: s.account.keychain,
        ...(notice ? { notice } : {}),
      },
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
      onPasswordRejected: () => rejected.markRejected(server, username, now()),
      onSignedIn(profile) {
        // A stopped watcher's last answer must not sign anyone back in.
        if (current?.watcher !== watcher) return;
        signedInAs(server, profile, demo !== null, store.get().account.notice);
      },
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
    await api
      .signOut()
      .catch((e: unknown) => log.warn(`Sign-out request failed: ${errorMessage(e)}`));
    await left.demo?.stop();
    return left;
  }

  /** Before another account (or the demo) comes in: nothing of the old one may show. */
  async function leaveForAnother(): Promise<void> {
    if (!(await leave())) return;
    deps.closeNotifications();
    store.update(signedOut);
  }

  async function signIn(request: SignInRequest): Promise<SignInResult> {
    const checked = checkSignIn(request, words());
    if (!checked.ok) return checked;
    const { server, username } = checked;
    const { stale, supersededBy } = begin('sign-in');
    await leaveForAnother();
    if (stale()) return signedOutMeanwhile(words());
    store.update((s) =>
      withAccount(s, { status: 'signing-in', server, error: undefined, notice: undefined }),
    );
    let profile: AgentProfile;
    try {
      profile = await api.signIn(server, username, request.password);
    } catch (e) {
      // Never retried: a rejected password tried again can lock the account.
      const error = signInFailure(e, words());
      if (!stale()) store.update((s) => withAccount(s, { status: 'signed-out', error }));
      return { ok: false, error };
    }
    if (stale()) return signedOutMeanwhile(words());
    const notice = await passwords.remember(
      server,
      username,
      request.remember ? request.password : null,
    );
    if (stale()) {
      // A sign-out during the keychain write could not know about this entry: it wins here.
      if (request.remember && supersededBy() === 'sign-out')
        await passwords.forget(server, username);
      return signedOutMeanwhile(words());
    }
    deps.saveSettings({ server, username });
    // A password the agent typed was accepted: whatever is saved now is theirs to try.
    rejected.clear(server, username);
    signedInAs(server, profile, false, notice);
    const typed = request.password;
    // Kept out of the keychain by IT: in memory for this run's re-sign-ins, as the policy says.
    const password = !passwords.mayRemember()
      ? () => Promise.resolve(typed)
      : request.remember
        ? () => passwords.get(server, username)
        : noPassword;
    startWatching(server, username, password, null);
    log.info(`Signed in to ${server} as ${username}.`);
    return { ok: true };
  }

  async function signInSilently(): Promise<boolean> {
    const { server, username } = store.get().settings;
    if (!server || !username) return false;
    if (current) return true;
    if (rejected.isRejected(server, username)) {
      store.update((s) =>
        withAccount(s, { status: 'signed-out', error: rejectedEarlier(words()) }),
      );
      return false;
    }
    const { stale } = begin('sign-in');
    const password = await passwords.get(server, username).catch(() => null);
    if (password === null || stale()) return false;
    store.update((s) => withAccount(s, { status: 'signing-in', server, error: undefined }));
    try {
      const profile = await api.signIn(server, username, password);
      if (stale()) return false;
      signedInAs(server, profile, false);
    } catch (e) {
      if (stale()) return false;
      if (isEvoApiError(e, 'rejected-credentials')) {
        // The stored entry is kept, not deleted: a 401 can be the tenant's fault (an auth
        // outage, a password policy being rolled out), and deleting would silently throw away
        // a password the agent chose to keep. It is not tried again in this run; signing in
        // by hand replaces it, signing out deletes it. Remembered across starts, too.
        rejected.markRejected(server, username, now());
        deps.onEvent(signedOutEvent(signInFailure(e, words()), now(), words()));
        return false;
      }
      // Unreachable server, not a rejection: signed in as far as the agent can tell (the tray
      // offers Sign out), offline until the watcher's sign-in with the stored password answers.
      log.warn(`Silent sign-in failed (${errorMessage(e)}); will keep trying.`);
      store.update((s) => waitingForServer(s, server, username, unreachable(e, words())));
    }
    startWatching(server, username, () => passwords.get(server, username), null);
    return true;
  }

  async function signOut(): Promise<void> {
    begin('sign-out');
    deps.closeNotifications();
    const left = await leave();
    // Signed out already (a rejected saved password)? The entry of the last account still goes.
    const { server, username } = left ?? store.get().settings;
    if (!left?.demo && server && username) {
      await passwords.forget(server, username);
      rejected.clear(server, username);
    }
    store.update(signedOut);
  }

  async function startDemo(): Promise<SignInResult> {
    const { stale } = begin('demo');
    /** Said in account.error too, so a window opened on the failure shows why. */
    const failed = (error: string): SignInResult => {
      if (!stale()) store.update((s) => withAccount(s, { status: 'signed-out', error }));
      return { ok: false, error };
    };
    await leaveForAnother();
    if (stale()) return signedOutMeanwhile(words());
    let demo: DemoRun;
    try {
      demo = await deps.startDemo();
    } catch (e) {
      return failed(demoFailed(signInFailure(e, words()), words()));
    }
    try {
      if (stale()) throw new Error(signedOutMeanwhile(words()).error);
      const profile = await api.signIn(demo.server, demo.username, demo.password);
      if (stale()) throw new Error(signedOutMeanwhile(words()).error);
      signedInAs(demo.server, profile, true);
    } catch (e) {
      await demo.stop();
      return failed(signInFailure(e, words()));
    }
    // The demo password is the simulator's, not a secret: it never goes near the keychain.
    const password = demo.password;
    startWatching(demo.server, demo.username, () => Promise.resolve(password), demo);
    return { ok: true };
  }

  return { signIn, signInSilently, signOut, startDemo, watcher: () => current?.watcher ?? null };
}

const noPassword = (): Promise<string | null> => Promise.resolve(null);
