// Pure reducers over AppState. Each returns the same object when nothing changed, so the store
// (and through it the tray and the window) only hears about real changes.
import type {
  AccountState,
  AlertsPausedUntil,
  AppState,
  MissedCall,
  RingingAlert,
  Session,
  Settings,
} from '../boundary/contract.js';
import { callBackNumberOf } from '../away/phone-number.js';
import type { WatchEvent } from '../watch/events.js';

export const RECENTLY_ENDED_LIMIT = 20;
export const RECENTLY_ENDED_KEEP_MS = 30 * 60_000;
export const MISSED_LIMIT = 50;

const SIGNED_OUT_FALLBACK = 'Evo Voice signed you out. Sign in again to see your calls.';

export function initialAppState(
  settings: Settings,
  keychain: 'available' | 'unavailable',
): AppState {
  return {
    account: { status: 'signed-out', keychain },
    connection: { status: 'idle' },
    sessions: [],
    recentlyEnded: [],
    missed: [],
    ringing: [],
    settings,
    // Main's wiring replaces it with the setting or the system's language (localeFor).
    locale: 'en',
    ...pauseField(settings.alertsPausedUntil),
  };
}

/**
 * A successful poll at `at` (epoch ms). Sessions that left the answer move to `recentlyEnded`
 * (newest first, at most 20, each kept 30 minutes).
 *
 * Two gaps in the API's data are filled here, so every reader sees the same times: a session
 * without `dateCreated` gets the time it was first seen, and one that leaves without
 * `dateCompleted` gets the time it was seen gone.
 */
export function withPoll(state: AppState, at: number, sessions: Session[]): AppState {
  const liveIds = new Set<string>();
  for (const s of sessions) liveIds.add(s.id);
  const atIso = new Date(at).toISOString();

  // A call without a start time keeps the one first shown for it. The lookup table is built
  // only for such a call: a poll of 10,000 calls that all have one builds nothing.
  let before: Map<string, Session> | undefined;
  const live = sessions.every((s) => s.dateCreated !== undefined)
    ? sessions
    : sessions.map((s) => {
        if (s.dateCreated !== undefined) return s;
        before ??= new Map(state.sessions.map((b) => [b.id, b]));
        return { ...s, dateCreated: before.get(s.id)?.dateCreated ?? atIso };
      });
  const left = state.sessions
    .filter((s) => !liveIds.has(s.id))
    .map((s) => (hasTime(s.dateCompleted) ? s : { ...s, dateCompleted: atIso }));
  const leftIds = new Set(left.map((s) => s.id));
  const recentlyEnded = [
    ...left,
    ...state.recentlyEnded.filter((s) => !liveIds.has(s.id) && !leftIds.has(s.id)),
  ]
    .filter((s) => at - endedAt(s, at) <= RECENTLY_ENDED_KEEP_MS)
    .slice(0, RECENTLY_ENDED_LIMIT);

  // A ringing alert is kept as long as its call is shown.
  const shown = (id: string) => liveIds.has(id) || recentlyEnded.some((s) => s.id === id);
  const ringing = state.ringing.every((r) => shown(r.sessionId))
    ? state.ringing
    : state.ringing.filter((r) => shown(r.sessionId));

  return {
    ...state,
    sessions: live,
    recentlyEnded,
    ringing,
    connection: { status: 'online', lastPollAt: at },
  };
}

export function withWatchEvent(state: AppState, event: WatchEvent): AppState {
  switch (event.event) {
    case 'missed': {
      // The engine should never report a miss twice; if it does, the first one (and whether
      // the agent has seen it) stands.
      if (state.missed.some((m) => m.sessionId === event.sessionId)) return state;
      const missed: MissedCall = {
        sessionId: event.sessionId,
        at: event.at,
        title: event.title,
        body: event.body,
        seen: false,
        ...(event.session ? { session: event.session } : {}),
        ...missedExtras(event),
      };
      return { ...state, missed: [missed, ...state.missed].slice(0, MISSED_LIMIT) };
    }
    case 'connection': {
      if (event.status === 'signed-out') {
        // The live calls are no longer being watched: showing them would be showing stale calls.
        return {
          ...state,
          account: {
            ...state.account,
            status: 'signed-out',
            error: event.body || SIGNED_OUT_FALLBACK,
          },
          connection: { ...lastPoll(state), status: 'idle' },
          sessions: [],
        };
      }
      const connection = {
        ...lastPoll(state),
        status: event.status,
        ...(event.status !== 'online' && event.detail ? { detail: event.detail } : {}),
      };
      if (
        connection.status === state.connection.status &&
        connection.detail === state.connection.detail
      ) {
        return state;
      }
      return { ...state, connection };
    }
    case 'ringing': {
      if (event.latencyMs === undefined) return state;
      const alert: RingingAlert = {
        sessionId: event.sessionId,
        at: event.at,
        latencyMs: event.latencyMs,
      };
      const others = state.ringing.filter((r) => r.sessionId !== event.sessionId);
      return { ...state, ringing: [alert, ...others] };
    }
    default:
      // Answered, held, ended: the tray shows them through the polled sessions.
      return state;
  }
}

/** Where it came from, and the number to call back (only a dialable one). */
function missedExtras(event: WatchEvent): Pick<MissedCall, 'whileAway' | 'number'> {
  if (event.event !== 'missed') return {};
  const number = event.session ? callBackNumberOf(event.session) : undefined;
  return {
    ...(event.whileAway ? { whileAway: true } : {}),
    ...(number === undefined ? {} : { number }),
  };
}

export function withAccount(state: AppState, patch: Partial<AccountState>): AppState {
  const keys = Object.keys(patch) as (keyof AccountState)[];
  if (keys.every((k) => state.account[k] === patch[k])) return state;
  return { ...state, account: { ...state.account, ...patch } };
}

export function markMissedSeen(state: AppState): AppState {
  if (state.missed.every((m) => m.seen)) return state;
  return { ...state, missed: state.missed.map((m) => (m.seen ? m : { ...m, seen: true })) };
}

export function clearMissed(state: AppState): AppState {
  if (state.missed.length === 0) return state;
  return { ...state, missed: [] };
}

/** The pause lives in the settings (so it survives a restart) and is mirrored on the state. */
export function withSettings(state: AppState, settings: Settings): AppState {
  if (settings === state.settings) return state;
  const next: AppState = { ...state, settings, ...pauseField(settings.alertsPausedUntil) };
  if (settings.alertsPausedUntil === null) delete next.alertsPausedUntil;
  // The notice was about the device chosen before: another choice is tried afresh.
  if (settings.ringDevice !== state.settings.ringDevice) delete next.ringDeviceMissing;
  return next;
}

/**
 * Signed in with the stored password at start, but the server has not answered: the agent is
 * shown as signed in (so the tray offers Sign out), under the user name from the settings
 * until the profile arrives, with the connection down and being retried.
 */
export function waitingForServer(
  state: AppState,
  server: string,
  username: string,
  connection: { status: 'offline' | 'error'; detail: string },
): AppState {
  return {
    ...state,
    account: {
      status: 'signed-in',
      server,
      user: { name: username },
      demo: false,
      keychain: state.account.keychain,
    },
    connection: { ...lastPoll(state), ...connection },
  };
}

/** The agent signed out: forget every call, keep the settings and what the keychain can do. */
export function signedOut(state: AppState): AppState {
  return {
    ...state,
    account: { status: 'signed-out', keychain: state.account.keychain },
    connection: { status: 'idle' },
    sessions: [],
    recentlyEnded: [],
    missed: [],
    agent: undefined,
    ringing: [],
  };
}

export interface AppStore {
  get(): AppState;
  update(change: (state: AppState) => AppState): void;
  subscribe(listener: (state: AppState) => void): () => void;
}

export function createAppStore(initial: AppState): AppStore {
  let state = initial;
  const listeners = new Set<(state: AppState) => void>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

function pauseField(until: AlertsPausedUntil | null): { alertsPausedUntil?: AlertsPausedUntil } {
  return until === null ? {} : { alertsPausedUntil: until };
}

function lastPoll(state: AppState): { lastPollAt?: number } {
  const at = state.connection.lastPollAt;
  return at === undefined ? {} : { lastPollAt: at };
}

function hasTime(iso: string | undefined): iso is string {
  return iso !== undefined && Number.isFinite(Date.parse(iso));
}

function endedAt(s: Session, fallback: number): number {
  return hasTime(s.dateCompleted) ? Date.parse(s.dateCompleted) : fallback;
}
