import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError, type EvoApi } from '../../main/evo/api.js';
import type { AgentProfile, Session } from '../../main/evo/session.js';
import type { Logger } from '../../main/log.js';
import { systemClock } from '../../main/watch/clock.js';
import type { WatchEvent, WatchTiming } from '../../main/watch/events.js';
import { saveMemory } from '../../main/watch/ledger.js';
import type * as Ledger from '../../main/watch/ledger.js';
import { createWatcher, type WatcherOptions } from '../../main/watch/watcher.js';

// The real ledger, observed: tests may slow its writes down to catch overlapping saves.
vi.mock('../../main/watch/ledger.js', async (importOriginal) => {
  const real = await importOriginal<typeof Ledger>();
  return { ...real, saveMemory: vi.fn(real.saveMemory) };
});
const realLedger = await vi.importActual<typeof Ledger>('../../main/watch/ledger.js');

const SERVER = 'https://evo.test';
const USER = 'agent@evo.test';
const PASSWORD = 'correct horse battery staple';
const TIMING: WatchTiming = { pollIntervalMs: 1000, holdAlertDelayMs: 0, holdReminderMs: 0 };
const PROFILE: AgentProfile = { name: 'Alex Agent', email: USER };

const ringing = (id: string): Session => ({
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
function fakeEvo() {
  const state = {
    listed: [] as Session[],
    archive: new Map<string, Session>(),
    expired: false,
    nextListFailures: [] as EvoApiError[],
    nextLookupFailures: [] as EvoApiError[],
    signInAnswers: [] as (AgentProfile | EvoApiError)[],
  };
  const api = {
    signIn: vi.fn(async (_server: string, _user: string, password: string) => {
      const answer = state.signInAnswers.shift() ?? PROFILE;
      if (answer instanceof EvoApiError) throw answer;
      if (password !== PASSWORD) throw new EvoApiError('rejected-credentials', 'Invalid password');
      state.expired = false;
      return answer;
    }),
    getMySessions: vi.fn(async () => {
      const failure = state.nextListFailures.shift();
      if (failure) throw failure;
      if (state.expired)
        throw new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 });
      return state.listed.map((s) => ({ ...s }));
    }),
    getSession: vi.fn(async (id: string) => {
      const failure = state.nextLookupFailures.shift();
      if (failure) throw failure;
      const found = state.archive.get(id) ?? state.listed.find((s) => s.id === id);
      if (!found) throw new EvoApiError('not-found', 'No such session', { status: 404 });
      return { ...found };
    }),
    signOut: vi.fn(async () => {}),
  } satisfies EvoApi;
  return { api, state };
}

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { log, lines };
}

function watch(evo: ReturnType<typeof fakeEvo>, extra: Partial<WatcherOptions> = {}) {
  const events: WatchEvent[] = [];
  const { log, lines } = recordingLog();
  const watcher = createWatcher({
    api: evo.api,
    server: SERVER,
    username: USER,
    password: async () => PASSWORD,
    timing: TIMING,
    clock: systemClock,
    random: () => 0,
    log,
    onEvent: (e) => events.push(e),
    ...extra,
  });
  const kinds = () =>
    events.map((e) => (e.event === 'connection' ? `connection:${e.status}` : e.event));
  return { watcher, events, kinds, logLines: lines };
}

/** Runs the poll loop for a while on the fake clock. */
const run = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-26T20:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watcher', () => {
  it('turns each poll into events, in order', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [{ ...ringing('s1'), callState: 'Connected', queueState: 'Connected' }];
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered']);
    expect(w.events[1]).toMatchObject({ sessionId: 's1', event: 'ringing' });
    await w.watcher.stop();
  });

  it('after a 401 signs in again once, retries at once, and does not repeat a ring', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const signedIn: AgentProfile[] = [];
    const w = watch(evo, { onSignedIn: (p) => signedIn.push(p) });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.signIn).toHaveBeenCalledWith(SERVER, USER, PASSWORD);
    expect(signedIn).toEqual([PROFILE]);
    // the retried poll happened right away, within the same tick as the 401
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(3);
    await run(5000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });

  it('a rejected re-sign-in reports signed-out once, stops polling, and never retries the password', async () => {
    const evo = fakeEvo();
    const w = watch(evo, { password: async () => 'an old password' });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    const polls = evo.api.getMySessions.mock.calls.length;
    await run(10 * 60_000);
    w.watcher.pollNow();
    w.watcher.resume();
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(polls);
    expect(w.kinds()).toEqual(['connection:online', 'connection:signed-out']);
    expect(w.events[1]).toMatchObject({ detail: 'Invalid password' });
    await w.watcher.stop();
  });

  it('with no stored password, a 401 reports signed-out without trying to sign in', async () => {
    const evo = fakeEvo();
    evo.state.expired = true;
    const w = watch(evo, { password: async () => null });
    await w.watcher.start();
    await run(5000);
    expect(evo.api.signIn).not.toHaveBeenCalled();
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:signed-out']);
    await w.watcher.stop();
  });

  it('a re-sign-in that cannot reach the server is an ordinary failure: back off and try again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    evo.state.signInAnswers.push(new EvoApiError('network', 'Cannot reach evo.test'));
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'connection:offline']);
    await run(2000); // the backoff after one failure is one interval when random() is 0
    expect(evo.api.signIn).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual([
      'connection:online',
      'ringing',
      'connection:offline',
      'connection:online',
    ]);
    await w.watcher.stop();
  });

  it('maps failures to what the agent is told: offline, error, signed-out', async () => {
    const evo = fakeEvo();
    evo.state.nextListFailures.push(
      new EvoApiError('timeout', 'Evo Voice did not answer in time'),
      new EvoApiError('server', 'Evo Voice had a problem (HTTP 500)', { status: 500 }),
      new EvoApiError('bad-response', 'Evo Voice sent something that is not JSON'),
    );
    const w = watch(evo);
    await w.watcher.start();
    await run(60_000);
    const connections = w.events.filter((e) => e.event === 'connection');
    expect(connections.map((e) => [e.status, e.detail])).toEqual([
      ['offline', 'Evo Voice did not answer in time'],
      ['error', 'Evo Voice had a problem (HTTP 500)'],
      ['online', undefined],
    ]);
    await w.watcher.stop();
  });

  it("reports each poll's sessions or error", async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    evo.state.nextListFailures.push(new EvoApiError('network', 'Cannot reach evo.test'));
    const polls: unknown[] = [];
    const w = watch(evo, { onPoll: (p) => polls.push(p) });
    await w.watcher.start();
    await run(1000);
    expect(polls).toEqual([
      { at: Date.parse('2026-11-26T20:00:00Z'), error: expect.any(EvoApiError) },
      { at: Date.parse('2026-11-26T20:00:01Z'), sessions: [ringing('s1')] },
    ]);
    await w.watcher.stop();
  });

  it('waits as long as a rate-limited answer asks', async () => {
    const evo = fakeEvo();
    evo.state.nextListFailures.push(
      new EvoApiError('rate-limited', 'Too many requests', { status: 429, retryAfterMs: 30_000 }),
    );
    const w = watch(evo);
    await w.watcher.start();
    await run(29_999);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    await run(1);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });

  it('looks a vanished ring up once and reports it missed', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), callState: 'Disconnected', ended: true });
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(evo.api.getSession).toHaveBeenCalledWith('s1');
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'missed', 'ended']);
    await w.watcher.stop();
  });

  it('a vanished ring that another agent answered is reported as answered elsewhere', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', {
      ...ringing('s1'),
      callState: 'Connected',
      queueState: 'Connected',
      answeredByName: 'Sam Colleague',
      answeredById: 'ep-2',
    });
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered-elsewhere', 'ended']);
    await w.watcher.stop();
  });

  it('a lookup that meets an expired session signs in again and still learns who answered', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    evo.state.nextLookupFailures.push(
      new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 }),
    );
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered-elsewhere', 'ended']);
    await w.watcher.stop();
  });

  it('a password rejected while looking a call up is never tried again by the next poll', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { password: async () => 'an old password' });
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.api.getSession.mockImplementationOnce(async () => {
      evo.state.expired = true; // the session expires under the lookup, and stays expired
      throw new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 });
    });
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual([
      'connection:online',
      'ringing',
      'missed',
      'ended',
      'connection:signed-out',
    ]);
    await w.watcher.stop();
  });

  it('a lookup that fails (404) still settles the call, without a second lookup', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'missed', 'ended']);
    await w.watcher.stop();
  });

  it('an exception in onEvent is logged and the loop goes on', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const seen: string[] = [];
    const w = watch(evo, {
      onEvent: (e) => {
        seen.push(e.event);
        if (e.event === 'connection') throw new Error('tray exploded');
      },
    });
    await w.watcher.start();
    await run(0);
    evo.state.listed = [ringing('s1'), ringing('s2')];
    await run(1000);
    expect(seen).toEqual(['connection', 'ringing', 'ringing']);
    expect(w.logLines.some((l) => l.startsWith('error') && l.includes('tray exploded'))).toBe(true);
    await w.watcher.stop();
  });

  it('an exception in onPoll or onSignedIn is logged and changes nothing else', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, {
      onPoll: () => {
        throw new Error('status bar exploded');
      },
      onSignedIn: () => {
        throw new Error('account view exploded');
      },
    });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    const errors = w.logLines.filter((l) => l.startsWith('error'));
    expect(errors.some((l) => l.includes('status bar exploded'))).toBe(true);
    expect(errors.some((l) => l.includes('account view exploded'))).toBe(true);
    await w.watcher.stop();
  });

  it('setTiming changes the poll interval', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    w.watcher.setTiming({ ...TIMING, pollIntervalMs: 5000 });
    await run(10_000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(3);
    await w.watcher.stop();
  });

  it('pause stops polling until resume', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    w.watcher.pause();
    await run(10_000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    w.watcher.resume();
    await run(0);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });
});

describe('watcher with a ledger', () => {
  let dir = '';
  beforeEach(async () => {
    vi.mocked(saveMemory).mockClear();
    dir = await mkdtemp(join(tmpdir(), 'evo-watcher-'));
  });
  afterEach(async () => {
    vi.mocked(saveMemory).mockImplementation(realLedger.saveMemory);
    await rm(dir, { recursive: true, force: true });
  });

  it('remembers across a restart: a call still ringing does not alert again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await run(0);
    await first.watcher.stop();
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await run(3000);
    expect(second.kinds()).toEqual(['connection:online']);
    evo.state.listed = [ringing('s1'), ringing('s2')];
    await run(1000);
    expect(second.kinds()).toEqual(['connection:online', 'ringing']);
    expect(second.events[1]).toMatchObject({ sessionId: 's2' });
    await second.watcher.stop();
  });

  it('saves after each change, without waiting for stop', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
    await vi.waitFor(async () => {
      const { memory } = await realLedger.loadMemory(dir, Date.now());
      expect(Object.keys(memory.sessions)).toEqual(['s1']);
    });
    await w.watcher.stop();
  });

  it('an unchanged call list is written at most once a minute, not on every poll', async () => {
    vi.mocked(saveMemory).mockImplementation(async () => {}); // an instant disk
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
    expect(saveMemory).toHaveBeenCalledTimes(1);
    await run(50_000); // many polls of the same answer within the minute
    expect(saveMemory).toHaveBeenCalledTimes(1);
    await run(20_000); // past the minute: lastSeenAt is worth keeping fresh again
    expect(saveMemory).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });

  it('never writes the ledger twice at once, and the last write holds the newest memory', async () => {
    let writing = 0;
    let overlapped = false;
    // a slow disk: each write waits until the test lets it through
    const waitingWrites: (() => void)[] = [];
    vi.mocked(saveMemory).mockImplementation(async (...args) => {
      writing += 1;
      overlapped ||= writing > 1;
      await new Promise<void>((resolve) => waitingWrites.push(resolve));
      await realLedger.saveMemory(...args);
      writing -= 1;
    });
    const evo = fakeEvo();
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    for (let i = 1; i <= 5; i += 1) {
      evo.state.listed = [...evo.state.listed, ringing(`s${i}`)];
      await run(1000);
    }
    // five changed decisions so far, one write started: the others wait their turn
    expect(saveMemory).toHaveBeenCalledTimes(1);
    let stopped = false;
    void w.watcher.stop().then(() => (stopped = true));
    await vi.waitFor(
      () => {
        waitingWrites.shift()?.();
        expect(stopped).toBe(true);
      },
      { timeout: 5000, interval: 5 },
    );
    expect(overlapped).toBe(false);
    expect(vi.mocked(saveMemory).mock.calls.length).toBeGreaterThan(1);
    const { memory } = await realLedger.loadMemory(dir, Date.now());
    expect(Object.keys(memory.sessions).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('logs the warning of an unreadable ledger and starts fresh', async () => {
    await writeFile(join(dir, realLedger.LEDGER_FILE), '{ not json');
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
    expect(w.logLines.some((l) => l.startsWith('warn') && l.includes('not valid JSON'))).toBe(true);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });
});
