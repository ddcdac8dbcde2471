// When to poll: a steady interval, backing off on failures, one request in flight at a time.
// Knows nothing about Evo Voice; `poll` says only whether it worked.
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS } from './backoff.js';
import type { Clock } from './clock.js';

/** `backOff: false`: it failed, but the server is well (an answer too large): keep the interval. */
export type PollOutcome = { ok: true } | { ok: false; retryAfterMs?: number; backOff?: boolean };

export interface PollerOptions {
  clock: Clock;
  random: () => number;
  intervalMs: number;
  maxBackoffMs?: number;
  /** Should not throw; a throw counts as a failed poll. */
  poll: () => Promise<PollOutcome>;
}

export interface Poller {
  /** Polls at once, then keeps polling until stop(). */
  start(): void;
  /** No new polls; resolves once the poll in flight (if any) has finished. */
  stop(): Promise<void>;
  /** No new polls until resume(); a poll in flight finishes. */
  pause(): void;
  /** Polls at once (or right after the poll in flight), but not before a failure's wait ends. */
  resume(): void;
  /**
   * Polls at once unless one is in flight; then exactly one more right after it. After a
   * failure, not before its backoff or Retry-After ends: the poll waits until then instead.
   */
  pollNow(): void;
  setIntervalMs(ms: number): void;
  readonly running: boolean;
}

export function createPoller(options: PollerOptions): Poller {
  const { clock, random, poll } = options;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  let intervalMs = options.intervalMs;
  let running = false;
  let paused = false;
  let failures = 0;
  /**
   * After a failure, the earliest time the next poll may start (its backoff or the server's
   * Retry-After); null after a success. Asking to poll now does not jump it: a server that
   * asked for a pause gets it, whatever the agent clicks.
   */
  let notBefore: number | null = null;
  let inFlight: Promise<void> | null = null;
  let againAfterInFlight = false;
  let timer: { handle: unknown; from: number } | null = null;

  function cancelTimer(): void {
    if (timer) clock.clearTimeout(timer.handle);
    timer = null;
  }

  /** Schedules the next poll counted from `from` (when the last poll ended). */
  function schedule(from: number): void {
    cancelTimer();
    const wait = Math.max(0, (notBefore ?? from + intervalMs) - clock.now());
    timer = { handle: clock.setTimeout(pollOnce, wait), from };
  }

  /** At once, or right after the poll in flight; never before `notBefore`. */
  function pollSoon(): void {
    cancelTimer();
    if (inFlight) {
      againAfterInFlight = true;
      return;
    }
    if (notBefore !== null && clock.now() < notBefore) schedule(clock.now());
    else pollOnce();
  }

  function pollOnce(): void {
    timer = null;
    if (!running) return;
    if (inFlight) {
      againAfterInFlight = true;
      return;
    }
    inFlight = run();
  }

  async function run(): Promise<void> {
    let outcome: PollOutcome;
    try {
      outcome = await poll();
    } catch {
      outcome = { ok: false };
    }
    if (outcome.ok || (outcome.backOff === false && outcome.retryAfterMs === undefined)) {
      failures = 0;
      notBefore = null;
    } else {
      failures += 1;
      const delay = backoffDelay(failures, intervalMs, maxBackoffMs, random, outcome.retryAfterMs);
      notBefore = clock.now() + delay;
    }
    inFlight = null;
    if (!running) return;
    if (againAfterInFlight) {
      againAfterInFlight = false;
      pollSoon();
    } else if (!paused) {
      schedule(clock.now());
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      paused = false;
      pollSoon();
    },
    async stop() {
      running = false;
      againAfterInFlight = false;
      cancelTimer();
      await inFlight;
    },
    pause() {
      paused = true;
      cancelTimer();
    },
    resume() {
      if (!paused) return;
      paused = false;
      pollSoon();
    },
    pollNow() {
      pollSoon();
    },
    setIntervalMs(ms) {
      intervalMs = ms;
      // The poll waiting for the old interval now waits for the new one instead.
      if (timer) schedule(timer.from);
    },
    get running() {
      return running;
    },
  };
}
