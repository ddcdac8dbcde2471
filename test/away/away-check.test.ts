// The away check after each poll, against a fake history: when it reads back, what it reports,
// what survives a restart, and how it backs off. Time is passed in; nothing sleeps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwayCheck } from '../../main/away/away-check.js';
import { AWAY_LEDGER_FILE } from '../../main/away/away-ledger.js';
import type { HistoryPage } from '../../main/evo/history-page.js';
import { EvoApiError } from '../../main/evo/api.js';
import type { Session } from '../../main/boundary/session.js';
import type { Logger } from '../../main/log.js';
import type { SessionEvent, WatchEvent } from '../../main/watch/events.js';
import type { FollowContext } from '../../main/watch/follower.js';

const T0 = Date.parse('2026-12-04T08:00:00Z');
const missedAt = (id: string, at: number): Session => ({
  id,
  dateCreated: new Date(at).toISOString(),
  direction: 'Incoming',
  wasMissed: true,
  fromName: id,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evo-away-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeHistory() {
  const state = { calls: [] as Session[], failures: [] as EvoApiError[], asked: 0 };
  const api = {
    async getCallHistory(page: number, count: number): Promise<HistoryPage> {
      state.asked += 1;
      const failure = state.failures.shift();
      if (failure) throw failure;
      const sorted = [...state.calls].sort(
        (a, b) => Date.parse(b.dateCreated ?? '') - Date.parse(a.dateCreated ?? ''),
      );
      const sessions = sorted.slice(page * count, (page + 1) * count);
      return { sessions, hasMore: (page + 1) * count < sorted.length };
    },
  };
  return { api, state };
}

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    debug: () => {},
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { log, lines };
}

function poll(now: number, known: string[] = []) {
  const delivered: WatchEvent[] = [];
  const context: FollowContext = {
    now,
    events: [],
    knownIds: () => new Set(known),
    call: (request) => request(new AbortController().signal),
    deliver: (e) => delivered.push(e),
  };
  return { context, delivered };
}

const ids = (events: WatchEvent[]) => events.map((e) => ('sessionId' in e ? e.sessionId : ''));

describe('the away check', () => {
  it('the very first run has no last watch: it reads nothing, and remembers the watch', async () => {
    const { api, state } = fakeHistory();
    state.calls.push(missedAt('old', T0 - 1000));
    const check = createAwayCheck({ api, stateDir: dir });
    const { context, delivered } = poll(T0);
    await check.afterPoll(context);
    await check.stop?.();
    expect(delivered).toEqual([]);
    expect(state.asked).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, AWAY_LEDGER_FILE), 'utf8'))).toMatchObject({
      watchedAt: T0,
    });
  });

  it('after a restart: reports the calls missed meanwhile once, with one report, never again', async () => {
    const { api, state } = fakeHistory();
    const first = createAwayCheck({ api, stateDir: dir });
    await first.afterPoll(poll(T0).context);
    await first.stop?.();

    state.calls.push(
      missedAt('a', T0 + 60_000),
      missedAt('b', T0 + 120_000),
      missedAt('live', T0 + 130_000),
    );
    state.calls.push({ ...missedAt('answered', T0 + 90_000), wasMissed: false });
    const reports: SessionEvent[][] = [];
    const second = createAwayCheck({ api, stateDir: dir, onReport: (m) => reports.push([...m]) });
    const { context, delivered } = poll(T0 + 600_000, ['live']);
    await second.afterPoll(context);
    await second.stop?.();
    expect(ids(delivered)).toEqual(['a', 'b']);
    expect(delivered.every((e) => e.event === 'missed' && e.whileAway === true)).toBe(true);
    expect(reports.map((r) => r.length)).toEqual([2]);

    const third = createAwayCheck({ api, stateDir: dir });
    const again = poll(T0 + 700_000);
    await third.afterPoll(again.context);
    expect(again.delivered).toEqual([]);
  });

  it('reads back after a gap of over a minute, not after a shorter one', async () => {
    const { api, state } = fakeHistory();
    const check = createAwayCheck({ api });
    await check.afterPoll(poll(T0).context); // no last watch in RAM yet
    await check.afterPoll(poll(T0 + 3_000).context);
    expect(state.asked).toBe(0);
    state.calls.push(missedAt('asleep', T0 + 30_000));
    const woke = poll(T0 + 5 * 60_000);
    await check.afterPoll(woke.context);
    expect(ids(woke.delivered)).toEqual(['asleep']);
  });

  it('pages back until a page reaches before the absence', async () => {
    const { api, state } = fakeHistory();
    const check = createAwayCheck({ api });
    await check.afterPoll(poll(T0).context);
    for (let i = 0; i < 120; i += 1)
      state.calls.push({ ...missedAt(`n${i}`, T0 + 1000 + i), wasMissed: false });
    state.calls.push(missedAt('deep', T0 + 500));
    for (let i = 0; i < 100; i += 1) state.calls.push(missedAt(`before${i}`, T0 - 1000 - i));
    const later = poll(T0 + 10 * 60_000);
    await check.afterPoll(later.context);
    expect(ids(later.delivered)).toEqual(['deep']);
    expect(state.asked).toBe(3); // 50 + 50 + the page that reaches before T0
  });

  it('a 403 is one log line, no error for the agent, and no more asking this run', async () => {
    const { api, state } = fakeHistory();
    const { log, lines } = recordingLog();
    const check = createAwayCheck({ api, log });
    await check.afterPoll(poll(T0).context);
    state.failures.push(new EvoApiError('forbidden', 'Invalid Role', { status: 403 }));
    const p = poll(T0 + 120_000);
    await check.afterPoll(p.context);
    await check.afterPoll(poll(T0 + 400_000).context);
    expect(p.delivered).toEqual([]);
    expect(state.asked).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^info The call history is not open to this account \(403\)/),
    ]);
  });

  it('a 429 waits at least its Retry-After, then reads the same absence', async () => {
    const { api, state } = fakeHistory();
    const check = createAwayCheck({ api, random: () => 0 });
    await check.afterPoll(poll(T0).context);
    state.calls.push(missedAt('a', T0 + 10_000));
    state.failures.push(
      new EvoApiError('rate-limited', 'slow down', { status: 429, retryAfterMs: 120_000 }),
    );
    await check.afterPoll(poll(T0 + 90_000).context);
    expect(state.asked).toBe(1);
    await check.afterPoll(poll(T0 + 90_000 + 119_000).context);
    expect(state.asked).toBe(1);
    const retried = poll(T0 + 90_000 + 121_000);
    await check.afterPoll(retried.context);
    expect(ids(retried.delivered)).toEqual(['a']);
  });

  it('an absence not yet read when the app stops is read after the restart', async () => {
    const { api, state } = fakeHistory();
    const first = createAwayCheck({ api, stateDir: dir, random: () => 0 });
    await first.afterPoll(poll(T0).context);
    state.calls.push(missedAt('a', T0 + 10_000));
    state.failures.push(new EvoApiError('server', 'down', { status: 500 }));
    await first.afterPoll(poll(T0 + 300_000).context);
    await first.afterPoll(poll(T0 + 303_000).context); // watched since, but the absence is unread
    await first.stop?.();
    const second = createAwayCheck({ api, stateDir: dir });
    const p = poll(T0 + 306_000);
    await second.afterPoll(p.context);
    expect(ids(p.delivered)).toEqual(['a']);
  });
});
