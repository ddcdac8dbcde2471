import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import {
  MISSED_LIMIT,
  RECENTLY_ENDED_KEEP_MS,
  RECENTLY_ENDED_LIMIT,
  clearMissed,
  createAppStore,
  initialAppState,
  markMissedSeen,
  signedOut,
  withAccount,
  withPoll,
  withSettings,
  withWatchEvent,
} from '../../main/app/app-state.js';
import {
  T0,
  pausedUntil,
  connected,
  connectionEvent,
  iso,
  missedEvent,
  ringing,
  signedInState,
} from './build.js';

describe('initialAppState', () => {
  it('starts signed out, not polling, with nothing to show', () => {
    const state = initialAppState(DEFAULT_SETTINGS, 'unavailable');
    expect(state).toEqual({
      account: { status: 'signed-out', keychain: 'unavailable' },
      connection: { status: 'idle' },
      sessions: [],
      recentlyEnded: [],
      missed: [],
      ringing: [],
      settings: DEFAULT_SETTINGS,
      locale: 'en',
    });
  });

  it('carries a pause that was saved in the settings', () => {
    const settings = { ...DEFAULT_SETTINGS, alertsPausedUntil: 'until-resumed' as const };
    expect(initialAppState(settings, 'available').alertsPausedUntil).toBe('until-resumed');
  });
});

describe('withPoll', () => {
  it('shows the polled sessions and marks the connection online at the poll time', () => {
    const state = withPoll(initialAppState(DEFAULT_SETTINGS, 'available'), T0, [
      ringing('a', { dateCreated: iso(T0 - 5000) }),
    ]);
    expect(state.sessions).toEqual([ringing('a', { dateCreated: iso(T0 - 5000) })]);
    expect(state.connection).toEqual({ status: 'online', lastPollAt: T0 });
  });

  it('gives a session without a start time the time it was first seen, and keeps it', () => {
    let state = signedInState([ringing('a')], T0);
    state = withPoll(state, T0 + 3000, [connected('a')]);
    expect(state.sessions[0]?.dateCreated).toBe(iso(T0));
  });

  it('moves a session that left the answer to recently ended, stamped with when it left', () => {
    let state = signedInState([ringing('a'), connected('b')], T0);
    state = withPoll(state, T0 + 3000, [connected('b')]);
    expect(state.sessions.map((s) => s.id)).toEqual(['b']);
    expect(state.recentlyEnded.map((s) => s.id)).toEqual(['a']);
    expect(state.recentlyEnded[0]?.dateCompleted).toBe(iso(T0 + 3000));
  });

  it('keeps the server’s own completion time when it sent one', () => {
    let state = signedInState([connected('a', { dateCompleted: iso(T0 - 1000) })], T0);
    state = withPoll(state, T0 + 3000, []);
    expect(state.recentlyEnded[0]?.dateCompleted).toBe(iso(T0 - 1000));
  });

  it('drops an ended session 30 minutes after it ended', () => {
    let state = signedInState([connected('a')], T0);
    state = withPoll(state, T0 + 1000, []);
    state = withPoll(state, T0 + 1000 + RECENTLY_ENDED_KEEP_MS, []);
    expect(state.recentlyEnded.map((s) => s.id)).toEqual(['a']);
    state = withPoll(state, T0 + 1001 + RECENTLY_ENDED_KEEP_MS, []);
    expect(state.recentlyEnded).toEqual([]);
  });

  it('keeps the 20 most recently ended sessions, newest first', () => {
    let state = signedInState([], T0);
    for (let i = 0; i < RECENTLY_ENDED_LIMIT + 5; i++) {
      state = withPoll(state, T0 + i * 2000, [connected(`c${i}`)]);
      state = withPoll(state, T0 + i * 2000 + 1000, []);
    }
    expect(state.recentlyEnded).toHaveLength(RECENTLY_ENDED_LIMIT);
    expect(state.recentlyEnded[0]?.id).toBe(`c${RECENTLY_ENDED_LIMIT + 4}`);
    expect(state.recentlyEnded.at(-1)?.id).toBe('c5');
  });

  it('takes a session that comes back out of recently ended', () => {
    let state = signedInState([connected('a')], T0);
    state = withPoll(state, T0 + 1000, []);
    state = withPoll(state, T0 + 2000, [connected('a')]);
    expect(state.recentlyEnded).toEqual([]);
    expect(state.sessions.map((s) => s.id)).toEqual(['a']);
  });
});

describe('withWatchEvent', () => {
  it('keeps the ringing alert of a call, with its latency, while the call is shown', () => {
    const alertOf = (id: string, latencyMs: number) =>
      ({ ...missedEvent(id), event: 'ringing', title: 'Incoming call', latencyMs }) as const;
    let state = withPoll(signedInState(), T0, [ringing('a'), ringing('b')]);
    state = withWatchEvent(state, alertOf('a', 800));
    state = withWatchEvent(state, alertOf('b', 1200));
    state = withWatchEvent(state, alertOf('a', 900)); // rang again: the last alert counts
    expect(state.ringing).toEqual([
      { sessionId: 'a', at: iso(T0), latencyMs: 900 },
      { sessionId: 'b', at: iso(T0), latencyMs: 1200 },
    ]);
    // Ended calls are still shown (recently ended), so their alert stays with them...
    state = withPoll(state, T0 + 1000, [ringing('b')]);
    expect(state.ringing.map((r) => r.sessionId)).toEqual(['a', 'b']);
    // ...until they leave the window's lists.
    state = withPoll(state, T0 + RECENTLY_ENDED_KEEP_MS + 2000, [ringing('b')]);
    expect(state.ringing.map((r) => r.sessionId)).toEqual(['b']);
    expect(signedOut(state).ringing).toEqual([]);
  });

  it('adds a missed call, newest first and not yet seen', () => {
    let state = signedInState();
    state = withWatchEvent(state, missedEvent('a'));
    state = withWatchEvent(state, missedEvent('b', ringing('b')));
    expect(state.missed.map((m) => [m.sessionId, m.seen])).toEqual([
      ['b', false],
      ['a', false],
    ]);
    expect(state.missed[0]?.session).toEqual(ringing('b'));
    expect(state.missed[1]).toEqual({
      sessionId: 'a',
      at: iso(T0),
      title: 'Missed call',
      body: 'From caller a',
      seen: false,
    });
  });

  it('records a missed call once even if it is reported twice', () => {
    let state = markMissedSeen(withWatchEvent(signedInState(), missedEvent('a')));
    const again = withWatchEvent(state, missedEvent('a'));
    expect(again).toBe(state);
    state = again;
    expect(state.missed).toHaveLength(1);
    expect(state.missed[0]?.seen).toBe(true);
  });

  it('keeps the 50 newest missed calls', () => {
    let state = signedInState();
    for (let i = 0; i < MISSED_LIMIT + 3; i++) state = withWatchEvent(state, missedEvent(`m${i}`));
    expect(state.missed).toHaveLength(MISSED_LIMIT);
    expect(state.missed[0]?.sessionId).toBe(`m${MISSED_LIMIT + 2}`);
    expect(state.missed.at(-1)?.sessionId).toBe('m3');
  });

  it('shows an offline or error connection with its detail, and clears the detail when back', () => {
    let state = signedInState();
    state = withWatchEvent(state, connectionEvent('offline', 'No network'));
    expect(state.connection).toEqual({ status: 'offline', lastPollAt: T0, detail: 'No network' });
    state = withWatchEvent(state, connectionEvent('error', 'Server error (502)'));
    expect(state.connection.status).toBe('error');
    state = withWatchEvent(state, connectionEvent('online'));
    expect(state.connection).toEqual({ status: 'online', lastPollAt: T0 });
  });

  it('signed out by the server: the account says why and the stale calls go', () => {
    let state = signedInState([ringing('a')]);
    state = withWatchEvent(state, missedEvent('m'));
    state = withWatchEvent(state, connectionEvent('signed-out', '401'));
    expect(state.account.status).toBe('signed-out');
    expect(state.account.error).toBe('Your password was not accepted. Sign in again.');
    expect(state.connection.status).toBe('idle');
    expect(state.sessions).toEqual([]);
    expect(state.missed.map((m) => m.sessionId)).toEqual(['m']);
  });

  it('leaves the state untouched for call events the polls already show', () => {
    const state = signedInState([ringing('a')]);
    const ringingEvent = { ...missedEvent('a'), event: 'ringing' as const };
    expect(withWatchEvent(state, ringingEvent)).toBe(state);
    expect(withWatchEvent(state, connectionEvent('online'))).toBe(state);
  });
});

describe('account, missed and settings reducers', () => {
  it('withAccount merges a patch and returns the same state when nothing changes', () => {
    const state = signedInState();
    expect(withAccount(state, { status: 'signed-in' })).toBe(state);
    const next = withAccount(state, { demo: true });
    expect(next.account).toEqual({ ...state.account, demo: true });
  });

  it('markMissedSeen marks every missed call seen', () => {
    let state = withWatchEvent(signedInState(), missedEvent('a'));
    state = withWatchEvent(state, missedEvent('b'));
    state = markMissedSeen(state);
    expect(state.missed.every((m) => m.seen)).toBe(true);
    expect(markMissedSeen(state)).toBe(state);
  });

  it('clearMissed empties the list', () => {
    const state = clearMissed(withWatchEvent(signedInState(), missedEvent('a')));
    expect(state.missed).toEqual([]);
    expect(clearMissed(state)).toBe(state);
  });

  it('withSettings replaces the settings and mirrors the saved pause', () => {
    const settings = { ...DEFAULT_SETTINGS, sound: false, alertsPausedUntil: T0 + 60_000 };
    const state = withSettings(signedInState(), settings);
    expect(state.settings).toBe(settings);
    expect(state.alertsPausedUntil).toBe(T0 + 60_000);
    const resumed = withSettings(state, { ...settings, alertsPausedUntil: null });
    expect('alertsPausedUntil' in resumed).toBe(false);
  });

  it('signedOut forgets calls, missed calls and ended calls but keeps settings and keychain', () => {
    let state = signedInState([ringing('a'), connected('b')]);
    state = withPoll(state, T0 + 1000, [ringing('a')]);
    state = withWatchEvent(state, missedEvent('m'));
    state = pausedUntil(state, 'until-resumed');
    const out = signedOut(state);
    expect(out.account).toEqual({ status: 'signed-out', keychain: 'available' });
    expect(out.connection).toEqual({ status: 'idle' });
    expect([out.sessions, out.missed, out.recentlyEnded]).toEqual([[], [], []]);
    expect(out.settings).toBe(state.settings);
    expect(out.alertsPausedUntil).toBe('until-resumed');
  });
});

describe('createAppStore', () => {
  it('tells subscribers about a new state, and not about an unchanged one', () => {
    const store = createAppStore(signedInState());
    const listener = vi.fn();
    store.subscribe(listener);
    store.update(markMissedSeen); // nothing to mark: same object
    expect(listener).not.toHaveBeenCalled();
    store.update((s) => withWatchEvent(s, missedEvent('a')));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(store.get());
    expect(store.get().missed).toHaveLength(1);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = createAppStore(signedInState());
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.update((s) => withWatchEvent(s, missedEvent('a')));
    expect(listener).not.toHaveBeenCalled();
  });
});
