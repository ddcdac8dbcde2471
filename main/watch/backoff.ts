// How long to wait before the next poll. Pure: the randomness is passed in.

/**
 * A server's Retry-After is honoured up to this. A server may ask for a long pause (planned
 * maintenance), but a wait past an hour is more likely a mistake than a plan, and the agent
 * would sit without alerts: anything longer counts as an hour.
 */
export const RETRY_AFTER_LIMIT_MS = 60 * 60_000;

export const DEFAULT_MAX_BACKOFF_MS = 60_000;

/**
 * The delay before the next poll after `failures` failures in a row (0: the normal interval).
 * Failures double the interval each time, capped at `maxMs`, and the delay is drawn from the
 * upper half of that window so that many agents' trays behind one outage do not all retry
 * in step. A server's `retryAfterMs` is a floor, even past the cap (up to RETRY_AFTER_LIMIT_MS).
 */
export function backoffDelay(
  failures: number,
  intervalMs: number,
  maxMs: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const floor = retryFloor(retryAfterMs);
  if (failures <= 0) return Math.max(intervalMs, floor);
  // A cap below the normal interval would make failing poll faster than working.
  const cap = Math.max(maxMs, intervalMs);
  // 2 ** failures overflows to Infinity long after it passed the cap; min() keeps it finite.
  const window = Math.min(cap, intervalMs * 2 ** Math.min(failures, 52));
  const jitter = Math.min(Math.max(random(), 0), 1);
  const delay = Math.round(window / 2 + (jitter * window) / 2);
  return Math.max(delay, floor);
}

function retryFloor(retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return 0;
  return Math.min(retryAfterMs, RETRY_AFTER_LIMIT_MS);
}
