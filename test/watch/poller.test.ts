import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/watch/clock.js';
import { createPoller, type PollOutcome } from '../../main/watch/poller.js';

/** A poll whose answers the test hands out one by one. */
function scriptedPoll() {
  const pending: ((outcome: PollOutcome) => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: number[] = [];
  const poll = vi.fn(
    () =>
      new Promise<PollOutcome>((resolve) => {
        starts.push(Date.now());
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        pending.push((outcome) => {
          inFlight -= 1;
          resolve(outcome);
        });
      }),
  );
  return {
    poll,
    starts,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Answers the oldest poll in flight and lets the poller react. */
    async answer(outcome: PollOutcome = { ok: true }) {
      const next = pending.shift();
      if (!next) throw new Error('no poll in flight');
      next(outcome);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

/** A poll that answers at once, always the same way. */
function instantPoll(outcome: () => PollOutcome = () => ({ ok: true })) {
  const starts: number[] = [];
  const poll = vi.fn(async () => {
    starts.push(Date.now());
    return outcome();
  });
  return { poll, starts };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poller', () => {
  it('polls at once on start, then every interval', async () => {
    const p = instantPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 3000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(9000);
    expect(p.starts).toEqual([0, 3000, 6000, 9000]);
    await poller.stop();
  });

  it('counts the interval from the end of the previous poll', async () => {
    const p = scriptedPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 3000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(5000);
    await p.answer();
    await vi.advanceTimersByTimeAsync(2999);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 8000]);
    const stopping = poller.stop();
    await p.answer();
    await stopping;
  });

  it('never has two polls in flight, even when a slow poll meets pollNow', async () => {
    const p = scriptedPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(10_000);
    poller.pollNow();
    poller.pollNow();
    poller.pollNow();
    expect(p.poll).toHaveBeenCalledTimes(1);
    await p.answer();
    // exactly one more, at once, however many times pollNow was asked for
    expect(p.poll).toHaveBeenCalledTimes(2);
    expect(p.starts).toEqual([0, 10_000]);
    await p.answer();
    expect(p.poll).toHaveBeenCalledTimes(2);
    expect(p.maxInFlight).toBe(1);
    await poller.stop();
  });

  it('pollNow between polls polls at once and restarts the interval from there', async () => {
    const p = instantPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 3000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(p.starts).toEqual([0, 1000, 4000]);
    await poller.stop();
  });

  it('backs off exponentially on failures, up to the cap', async () => {
    const p = instantPoll(() => ({ ok: false }));
    const poller = createPoller({
      clock: systemClock,
      random: () => 1,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(400_000);
    expect(gaps(p.starts).slice(0, 8)).toEqual([
      2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    await poller.stop();
  });

  it('jitters each backoff within the upper half of its window', async () => {
    let seed = 42;
    const seeded = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const p = instantPoll(() => ({ ok: false }));
    const poller = createPoller({
      clock: systemClock,
      random: seeded,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(300_000);
    const observed = gaps(p.starts);
    observed.forEach((gap, i) => {
      const window = Math.min(60_000, 1000 * 2 ** (i + 1));
      expect(gap).toBeGreaterThanOrEqual(window / 2);
      expect(gap).toBeLessThanOrEqual(window);
    });
    // the jitter actually varies the delays
    expect(new Set(observed.slice(6)).size).toBeGreaterThan(1);
    await poller.stop();
  });

  it('returns to the normal interval after the first success', async () => {
    const answers: PollOutcome[] = [{ ok: false }, { ok: false }, { ok: false }, { ok: true }];
    const p = instantPoll(() => answers.shift() ?? { ok: true });
    const poller = createPoller({
      clock: systemClock,
      random: () => 1,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(gaps(p.starts).slice(0, 6)).toEqual([2000, 4000, 8000, 1000, 1000, 1000]);
    await poller.stop();
  });

  it("waits at least the server's Retry-After, even past the cap", async () => {
    const answers: PollOutcome[] = [{ ok: false, retryAfterMs: 90_000 }];
    const p = instantPoll(() => answers.shift() ?? { ok: true });
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(89_999);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 90_000]);
    await poller.stop();
  });

  it('a poll that throws counts as a failure and polling goes on', async () => {
    let calls = 0;
    const poll = vi.fn(async (): Promise<PollOutcome> => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return { ok: true };
    });
    const poller = createPoller({ clock: systemClock, random: () => 1, intervalMs: 1000, poll });
    poller.start();
    await vi.advanceTimersByTimeAsync(1999);
    expect(poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(poll).toHaveBeenCalledTimes(2);
    await poller.stop();
  });

  it('pause stops polling; resume polls at once and goes back to the interval', async () => {
    const p = instantPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(500);
    poller.pause();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.starts).toEqual([0]);
    poller.resume();
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.starts).toEqual([0, 10_500, 11_500]);
    await poller.stop();
  });

  it('a poll in flight when paused finishes, and nothing follows it', async () => {
    const p = scriptedPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    poller.pause();
    await p.answer();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.poll).toHaveBeenCalledTimes(1);
    await poller.stop();
  });

  it('setIntervalMs applies to the poll already waiting', async () => {
    const p = instantPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 10_000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.setIntervalMs(2000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(p.starts).toEqual([0, 2000, 4000]);
    await poller.stop();
  });

  it('stop resolves only after the poll in flight, and nothing polls after it', async () => {
    const p = scriptedPoll();
    const poller = createPoller({
      clock: systemClock,
      random: () => 0,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    expect(poller.running).toBe(true);
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false);
    expect(poller.running).toBe(false);
    await p.answer();
    await stopping;
    expect(stopped).toBe(true);
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.poll).toHaveBeenCalledTimes(1);
  });
});
