import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/watch/clock.js';
import { createPoller, type PollOutcome } from '../../main/watch/poller.js';
import { gaps, instantPoll, pollerEvery, scriptedPoll } from './poller-script.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poller, after failures', () => {
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
    const poller = pollerEvery(1000, p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(89_999);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 90_000]);
    await poller.stop();
  });

  it('pollNow after a 429 with Retry-After 60 s does not poll before the 60 s are up', async () => {
    const answers: PollOutcome[] = [{ ok: false, retryAfterMs: 60_000 }];
    const p = instantPoll(() => answers.shift() ?? { ok: true });
    const poller = pollerEvery(1000, p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.pollNow();
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(58_999);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 60_000]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.starts).toEqual([0, 60_000, 61_000]);
    await poller.stop();
  });

  it('resume during a backoff waits for the backoff to end', async () => {
    const answers: PollOutcome[] = [{ ok: false }, { ok: false }];
    const p = instantPoll(() => answers.shift() ?? { ok: true });
    const poller = createPoller({
      clock: systemClock,
      random: () => 1,
      intervalMs: 1000,
      poll: p.poll,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(2000); // the second failure asks for 4 s: until 6000
    expect(p.starts).toEqual([0, 2000]);
    poller.pause();
    await vi.advanceTimersByTimeAsync(1000);
    poller.resume();
    await vi.advanceTimersByTimeAsync(2999);
    expect(p.starts).toEqual([0, 2000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 2000, 6000]);
    await poller.stop();
  });

  it("a pollNow asked during a poll that fails waits for that failure's Retry-After", async () => {
    const p = scriptedPoll();
    const poller = pollerEvery(1000, p.poll);
    poller.start();
    poller.pollNow();
    await p.answer({ ok: false, retryAfterMs: 30_000 });
    expect(p.poll).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(p.starts).toEqual([0, 30_000]);
    const stopping = poller.stop();
    await p.answer();
    await stopping;
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
});
