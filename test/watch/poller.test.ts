import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gaps, instantPoll, pollerEvery, scriptedPoll } from './poller-script.js';
import type { PollOutcome } from '../../main/watch/poller.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poller', () => {
  it('polls at once on start, then every interval', async () => {
    const p = instantPoll();
    const poller = pollerEvery(3000, p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(9000);
    expect(p.starts).toEqual([0, 3000, 6000, 9000]);
    await poller.stop();
  });

  it('counts the interval from the end of the previous poll', async () => {
    const p = scriptedPoll();
    const poller = pollerEvery(3000, p.poll);
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
    const poller = pollerEvery(1000, p.poll);
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
    const poller = pollerEvery(3000, p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(p.starts).toEqual([0, 1000, 4000]);
    await poller.stop();
  });

  it('pause stops polling; resume polls at once and goes back to the interval', async () => {
    const p = instantPoll();
    const poller = pollerEvery(1000, p.poll);
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
    const poller = pollerEvery(1000, p.poll);
    poller.start();
    poller.pause();
    await p.answer();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.poll).toHaveBeenCalledTimes(1);
    await poller.stop();
  });

  it('setIntervalMs applies to the poll already waiting', async () => {
    const p = instantPoll();
    const poller = pollerEvery(10_000, p.poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(1000);
    poller.setIntervalMs(2000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(p.starts).toEqual([0, 2000, 4000]);
    await poller.stop();
  });

  it('stop resolves only after the poll in flight, and nothing polls after it', async () => {
    const p = scriptedPoll();
    const poller = pollerEvery(1000, p.poll);
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

  it('a failure that does not back off keeps the interval, and clears the backoff of earlier ones', async () => {
    const outcomes: PollOutcome[] = [
      { ok: false },
      { ok: false, backOff: false },
      { ok: false, backOff: false },
    ];
    const { poll, starts } = instantPoll(() => outcomes.shift() ?? { ok: true });
    const poller = pollerEvery(1000, poll);
    poller.start();
    await vi.advanceTimersByTimeAsync(5000);
    // after the plain failure: one interval (random() is 0, half of two); then the interval.
    expect(gaps(starts).slice(0, 4)).toEqual([1000, 1000, 1000, 1000]);
    await poller.stop();
  });
});
