// Test support for the watcher suites: Evo Voice faked in memory, a recording log, and a
// watcher wired to them on vitest's fake clock.
import { vi } from 'vitest';
import { EvoApiError, type ActionRequest, type EvoApi } from '../../main/evo/api.js';
import type { AgentProfile, Session } from '../../main/boundary/session.js';
import type { Logger } from '../../main/log.js';
import { systemClock } from '../../main/watch/clock.js';
import type { WatchEvent, WatchTiming } from '../../main/watch/events.js';
import { createWatcher, type WatcherOptions } from '../../main/watch/watcher.js';

export const START = Date.parse('2026-11-26T20:00:00Z');

export const SERVER = 'https://evo.test';
export const USER = 'agent@evo.test';
export const PASSWORD = 'correct horse battery staple';
export const TIMING: WatchTiming = { pollIntervalMs: 1000, holdAlertDelayMs: 0, holdReminderMs: 0 };
export const PROFILE: AgentProfile = { name: 'Alex Agent', email: USER };

export const ringing = (id: string): Session => ({
  id,
  callState: 'Ringing',
  queueState: 'Ringing',
  direction: 'Incoming',
  fromName: 'Jane Doe',
  fromAddress: '+15035550100',
  toAddress: 'Support Line',
});

/**
 * Evo Voice as the watcher sees it: a list of sessions, a server session that can expire,
 * and faults queued for the next calls.
 */
export function fakeEvo() {
  const state = {
    listed: [] as Session[],
    archive: new Map<string, Session>(),
    expired: false,
    nextListFailures: [] as EvoApiError[],
    nextLookupFailures: [] as EvoApiError[],
    signInAnswers: [] as (AgentProfile | EvoApiError)[],
  };
  const api = {
    signIn: vi.fn(
      async (_server: string, _user: string, password: string, _signal?: AbortSignal) => {
        const answer = state.signInAnswers.shift() ?? PROFILE;
        if (answer instanceof EvoApiError) throw answer;
        if (password !== PASSWORD)
          throw new EvoApiError('rejected-credentials', 'Invalid password');
        state.expired = false;
        return answer;
      },
    ),
    getMySessions: vi.fn(async (_signal?: AbortSignal) => {
      const failure = state.nextListFailures.shift();
      if (failure) throw failure;
      if (state.expired)
        throw new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 });
      return state.listed.map((s) => ({ ...s }));
    }),
    getSession: vi.fn(async (id: string, _signal?: AbortSignal) => {
      const failure = state.nextLookupFailures.shift();
      if (failure) throw failure;
      const found = state.archive.get(id) ?? state.listed.find((s) => s.id === id);
      if (!found) throw new EvoApiError('not-found', 'No such session', { status: 404 });
      return { ...found };
    }),
    sendAction: vi.fn(async (_request: ActionRequest, _signal?: AbortSignal) => {
      if (state.expired)
        throw new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 });
    }),
    signOut: vi.fn(async () => {}),
  } satisfies EvoApi;
  return { api, state };
}

/** A request that never answers: it gives up only when its signal is aborted, as the client does. */
export function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () =>
      reject(new EvoApiError('cancelled', 'Stopped waiting for evo.test.')),
    );
  });
}

export function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { log, lines };
}

export function watch(evo: ReturnType<typeof fakeEvo>, extra: Partial<WatcherOptions> = {}) {
  const events: WatchEvent[] = [];
  const { log, lines } = recordingLog();
  const watcher = createWatcher({
    api: evo.api,
    server: SERVER,
    username: USER,
    password: async () => PASSWORD,
    timing: TIMING,
    clock: systemClock,
    // The middle: every interval exactly as set (no jitter), a backoff 1.5 intervals.
    random: () => 0.5,
    log,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  const kinds = () =>
    events.map((e) => (e.event === 'connection' ? `connection:${e.status}` : e.event));
  return { watcher, events, kinds, logLines: lines };
}

/** Runs the poll loop for a while on the fake clock. */
export const run = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** vitest's fake timers from START, for the watcher and everything it schedules. */
export function useFakeClock(): void {
  vi.useFakeTimers({ now: START });
}
