// The poller with a wait asked afresh after every poll, and woken with a delay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/watch/clock.js';
import { createPoller, type PollOutcome } from '../../main/watch/poller.js';
import { instantPoll, scriptedPoll } from './poller-script.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function pollerAsking(waits: number[], poll: () => Promise<PollOutcome>) {
  const next = vi.fn(() => waits.shift() ?? 1000);
  const poller = createPoller({
    clock: systemClock,
    random: () => 0,
    intervalMs: 1000,
    nextIntervalMs: next,
    poll,
  });
  return { poller, next };
}

describe('poller, asking for each wait', () => {
  it('waits what nextIntervalMs says after each successful poll', async () => {
    const p = instantPoll();
    const { poller } = pollerAsking([500, 2000, 300], p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(2800);
    expect(p.starts).toEqual([0, 500, 2500, 2800]);
    await poller.stop();
  });

  it('a failure waits its backoff, not the wait it would have asked for', async () => {
    let fail = true;
    const p = instantPoll(() => (fail ? { ok: false, retryAfterMs: 5000 } : { ok: true }));
    const { poller, next } = pollerAsking([200, 200, 200], p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(4999);
    expect(p.starts).toEqual([0]);
    fail = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 5000]);
    expect(next).toHaveBeenCalledTimes(1); // asked only after the success
    await poller.stop();
  });

  it('wake resumes a paused poller and polls after the delay given', async () => {
    const p = instantPoll();
    const { poller } = pollerAsking([], p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    poller.pause();
    await vi.advanceTimersByTimeAsync(10_000);
    poller.wake(400);
    await vi.advanceTimersByTimeAsync(399);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 10_400]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.starts).toEqual([0, 10_400, 11_400]);
    await poller.stop();
  });

  it('wake during a poll in flight polls once more right after it; never two in flight', async () => {
    const p = scriptedPoll();
    const { poller } = pollerAsking([], p.poll);
    poller.start();
    poller.wake(300);
    await p.answer();
    expect(p.starts).toEqual([0, 0]);
    await p.answer();
    expect(p.maxInFlight).toBe(1);
    await poller.stop();
  });

  it('wake waits out a backoff still running', async () => {
    const p = instantPoll(() => ({ ok: false, retryAfterMs: 3000 }));
    const { poller } = pollerAsking([], p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    poller.wake(100);
    await vi.advanceTimersByTimeAsync(2999);
    expect(p.starts).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.starts).toEqual([0, 3000]);
    await poller.stop();
  });
});
