// When to poll: a steady interval, backing off on failures, one request in flight at a time.
// Knows nothing about Evo Voice; `poll` says only whether it worked.
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS } from './backoff.js';
import type { Clock } from './clock.js';

/** `backOff: false`: it failed, but the server is well (an answer too large): keep the interval. */
export type PollOutcome = { ok: true } | { ok: false; retryAfterMs?: number; backOff?: boolean };

export interface PollerOptions {
  clock: Clock;
  random: () => number;
  /** The base of the backoff after a failure, and the wait after a success by default. */
  intervalMs: number;
  /**
   * The wait after a successful poll, asked afresh each time (the watcher's interval rule:
   * faster while a call rings, jittered). A failure's backoff or Retry-After still wins.
   */
  nextIntervalMs?: () => number;
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
  /**
   * Resumes if paused, and polls after `delayMs` (the wake jitter: machines waking together
   * do not all poll in the same instant); as pollNow otherwise.
   */
  wake(delayMs: number): void;
  setIntervalMs(ms: number): void;
  readonly running: boolean;
}

export function createPoller(options: PollerOptions): Poller {
  const { clock, random, poll } = options;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  let intervalMs = options.intervalMs;
  const nextIntervalMs = options.nextIntervalMs ?? (() => intervalMs);
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
  /** `from`: when the last poll ended, for a wait of one interval; null for a set time. */
  let timer: { handle: unknown; from: number | null } | null = null;

  function cancelTimer(): void {
    if (timer) clock.clearTimeout(timer.handle);
    timer = null;
  }

  /** Schedules the next poll counted from `from` (when the last poll ended). */
  function schedule(from: number): void {
    scheduleAt(notBefore ?? from + nextIntervalMs(), from);
  }

  /** A poll at `due`, but never before `notBefore`. */
  function scheduleAt(due: number, from: number | null = null): void {
    cancelTimer();
    const wait = Math.max(0, Math.max(due, notBefore ?? due) - clock.now());
    timer = { handle: clock.setTimeout(pollOnce, wait), from };
  }

  /** At once (or after `delayMs`), or right after the poll in flight; never before `notBefore`. */
  function pollSoon(delayMs = 0): void {
    cancelTimer();
    if (inFlight) {
      againAfterInFlight = true;
      return;
    }
    const now = clock.now();
    if (notBefore !== null && now < notBefore) schedule(now);
    else if (delayMs > 0) scheduleAt(now + delayMs);
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
    wake(delayMs) {
      paused = false;
      pollSoon(delayMs);
    },
    setIntervalMs(ms) {
      intervalMs = ms;
      // The poll waiting for the old interval now waits for the new one instead.
      if (timer && timer.from !== null) schedule(timer.from);
    },
    get running() {
      return running;
    },
  };
}
