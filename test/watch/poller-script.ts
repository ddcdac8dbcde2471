// Test support for the poller suites: polls whose answers and start times the test controls.
import { vi } from 'vitest';
import { systemClock } from '../../main/watch/clock.js';
import { createPoller, type PollOutcome } from '../../main/watch/poller.js';

/** A poller on the (fake) system clock with jitter at its floor, so times are exact. */
export function pollerEvery(intervalMs: number, poll: () => Promise<PollOutcome>) {
  return createPoller({ clock: systemClock, random: () => 0, intervalMs, poll });
}

/** A poll whose answers the test hands out one by one. */
export function scriptedPoll() {
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
export function instantPoll(outcome: () => PollOutcome = () => ({ ok: true })) {
  const starts: number[] = [];
  const poll = vi.fn(async () => {
    starts.push(Date.now());
    return outcome();
  });
  return { poll, starts };
}

/** The time between one start and the next. */
export const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0));
