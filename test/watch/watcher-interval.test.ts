// The watcher wired to the interval rule and the latency estimate, on vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import type { Session } from '../../main/boundary/session.js';
import { LOCKED_NORMAL_FOR_MS, LOCKED_SLOW_MS } from '../../main/watch/poll-interval.js';
import type { SessionEvent, WatchEvent } from '../../main/watch/events.js';
import { fakeEvo, ringing, run, START, useFakeClock, watch } from './watcher-fakes.js';

const NORMAL = {
  pollIntervalMs: 3000,
  ringingIntervalMs: 800,
  holdAlertDelayMs: 0,
  holdReminderMs: 0,
};
const queued = (id: string): Session => ({
  ...ringing(id),
  callState: 'Connected',
  queueState: 'Queued',
});

beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Local times (ms after START) of every listing. */
function listingTimes(evo: ReturnType<typeof fakeEvo>): () => number[] {
  const times: number[] = [];
  const list = evo.api.getMySessions.getMockImplementation();
  evo.api.getMySessions.mockImplementation(async (signal?: AbortSignal) => {
    times.push(Date.now() - START);
    if (!list) throw new Error('no listing');
    return list(signal);
  });
  return () => times;
}

const ringingEvents = (events: WatchEvent[]) =>
  events.filter((e): e is SessionEvent => e.event === 'ringing');

describe('watcher, adaptive interval', () => {
  it('polls at the ringing interval while a call rings or is queued, normal before and after', async () => {
    const evo = fakeEvo();
    const times = listingTimes(evo);
    const w = watch(evo, { timing: NORMAL });
    await w.watcher.start();
    await run(6000); // 0, 3000, 6000
    evo.state.listed = [queued('q1')];
    await run(3000); // 9000 sees it queued: fast from there
    evo.state.listed = [ringing('q1')];
    await run(1600); // 9800, 10600
    evo.state.listed = [];
    await run(800 + 6000); // 11400 sees it gone: normal again, 14400, 17400
    expect(times()).toEqual([0, 3000, 6000, 9000, 9800, 10600, 11400, 14400, 17400]);
    await w.watcher.stop();
  });

  it('a failure backs off from the normal interval, even while a call rings', async () => {
    const evo = fakeEvo();
    const times = listingTimes(evo);
    evo.state.listed = [ringing('r1')];
    const w = watch(evo, { timing: NORMAL });
    await w.watcher.start();
    await run(0);
    evo.state.nextListFailures.push(new EvoApiError('server', 'Service unavailable'));
    await run(800 + 4500); // fails at 800; one failure waits 1.5 × 3000 when random() is 0.5
    expect(times()).toEqual([0, 800, 5300]);
    await w.watcher.stop();
  });

  it('jitters every interval by up to ±10 %', async () => {
    const evo = fakeEvo();
    const times = listingTimes(evo);
    const low = watch(evo, { timing: NORMAL, random: () => 0 });
    await low.watcher.start();
    await run(2700 * 2);
    await low.watcher.stop();
    expect(times()).toEqual([0, 2700, 5400]);
  });

  it('locked: the normal interval for ten minutes, then 30 s; a ringing call is still polled fast', async () => {
    const evo = fakeEvo();
    const times = listingTimes(evo);
    const lockedAt = START;
    const w = watch(evo, { timing: NORMAL, lockedSince: () => lockedAt });
    await w.watcher.start();
    await run(LOCKED_NORMAL_FOR_MS);
    const polls = times().length;
    expect(polls).toBe(LOCKED_NORMAL_FOR_MS / 3000 + 1);
    await run(LOCKED_SLOW_MS * 2);
    expect(times().slice(polls)).toEqual([
      LOCKED_NORMAL_FOR_MS + LOCKED_SLOW_MS,
      LOCKED_NORMAL_FOR_MS + 2 * LOCKED_SLOW_MS,
    ]);
    evo.state.listed = [ringing('r1')];
    await run(LOCKED_SLOW_MS + 800);
    expect(times().slice(-2)).toEqual([
      LOCKED_NORMAL_FOR_MS + 3 * LOCKED_SLOW_MS,
      LOCKED_NORMAL_FOR_MS + 3 * LOCKED_SLOW_MS + 800,
    ]);
    await w.watcher.stop();
  });

  it('wake: polls within a second, resuming a paused watcher', async () => {
    const evo = fakeEvo();
    const times = listingTimes(evo);
    const w = watch(evo, { timing: NORMAL, random: () => 0.5 });
    await w.watcher.start();
    await run(0);
    w.watcher.pause();
    await run(60_000);
    expect(times()).toEqual([0]);
    w.watcher.wake();
    await run(499);
    expect(times()).toEqual([0]);
    await run(1);
    expect(times()).toEqual([0, 60_500]);
    await w.watcher.stop();
  });
});

describe('watcher, latencyMs of a ringing alert', () => {
  it('bounded by the last poll that saw the call not ringing (queued first)', async () => {
    const evo = fakeEvo();
    const w = watch(evo, { timing: NORMAL });
    evo.state.listed = [{ ...queued('q1'), dateCreated: new Date(START - 60_000).toISOString() }];
    await w.watcher.start();
    await run(0);
    evo.state.listed = [{ ...ringing('q1'), dateCreated: new Date(START - 60_000).toISOString() }];
    await run(800);
    expect(ringingEvents(w.events)).toMatchObject([{ sessionId: 'q1', latencyMs: 800 }]);
    await w.watcher.stop();
  });

  it('from the ringing log entry, mapped with the Date header of the answer', async () => {
    const evo = fakeEvo();
    // The server's clock runs 10 s ahead; its Date header says so (to the second).
    Object.assign(evo.api, {
      lastListingDate: () => new Date(Date.now() + 10_000).toUTCString(),
    });
    const w = watch(evo, { timing: NORMAL });
    await w.watcher.start();
    await run(0);
    // It began ringing 1.2 s before the next poll, on the server's clock.
    const began = new Date(START + 3000 - 1200 + 10_000).toISOString();
    evo.state.listed = [{ ...ringing('r1'), log: [{ date: began, message: 'Ringing Ada' }] }];
    await run(3000);
    // The header drops the milliseconds, so the estimate is right to within half a second.
    const [event] = ringingEvents(w.events);
    expect(event?.latencyMs).toBeGreaterThanOrEqual(700);
    expect(event?.latencyMs).toBeLessThanOrEqual(1700);
    await w.watcher.stop();
  });

  it('a call ringing at the first poll, without times: half the interval', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('r1')];
    const w = watch(evo, { timing: NORMAL });
    await w.watcher.start();
    await run(0);
    expect(ringingEvents(w.events)).toMatchObject([{ latencyMs: 1500 }]);
    await w.watcher.stop();
  });
});
