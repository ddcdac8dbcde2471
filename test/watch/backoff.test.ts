import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, RETRY_AFTER_LIMIT_MS } from '../../main/watch/backoff.js';

const low = () => 0;
const high = () => 1;

describe('backoffDelay', () => {
  it('waits the normal interval when nothing failed', () => {
    expect(backoffDelay(0, 3000, 60_000, high)).toBe(3000);
  });

  it('doubles the window with each failure in a row', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 3000, 60_000, high))).toEqual([
      6000, 12_000, 24_000, 48_000,
    ]);
  });

  it('draws the delay from the upper half of the window', () => {
    expect(backoffDelay(2, 3000, 60_000, low)).toBe(6000);
    expect(backoffDelay(2, 3000, 60_000, () => 0.5)).toBe(9000);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(5, 3000, 60_000, high)).toBe(60_000);
    expect(backoffDelay(10_000, 3000, 60_000, high)).toBe(60_000);
  });

  it('stays within [interval, cap] for any failure count and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 100, max: 30_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, intervalMs, r) => {
          const delay = backoffDelay(failures, intervalMs, 60_000, () => r);
          expect(delay).toBeGreaterThanOrEqual(intervalMs);
          expect(delay).toBeLessThanOrEqual(60_000);
        },
      ),
    );
  });

  it('never backs off below the normal interval when the cap is smaller than it', () => {
    expect(backoffDelay(3, 120_000, 60_000, low)).toBeGreaterThanOrEqual(60_000);
    expect(backoffDelay(3, 120_000, 60_000, high)).toBe(120_000);
  });

  it("waits at least as long as the server's Retry-After, even past the cap", () => {
    expect(backoffDelay(1, 3000, 60_000, low, 30_000)).toBe(30_000);
    expect(backoffDelay(1, 3000, 60_000, low, 120_000)).toBe(120_000);
  });

  it('keeps the longer backoff when Retry-After is shorter', () => {
    expect(backoffDelay(4, 3000, 60_000, high, 1000)).toBe(48_000);
  });

  it('honours a long Retry-After up to one hour', () => {
    expect(backoffDelay(1, 3000, 60_000, low, 45 * 60_000)).toBe(45 * 60_000);
    expect(backoffDelay(1, 3000, 60_000, low, 60 * 60_000)).toBe(60 * 60_000);
  });

  it('treats a Retry-After past one hour as one hour', () => {
    expect(backoffDelay(1, 3000, 60_000, low, 86_400_000)).toBe(60 * 60_000);
    expect(backoffDelay(1, 3000, 60_000, low, 60 * 60_000 + 1)).toBe(RETRY_AFTER_LIMIT_MS);
  });

  it('ignores a Retry-After that is not a positive number', () => {
    expect(backoffDelay(1, 3000, 60_000, low, Number.NaN)).toBe(3000);
    expect(backoffDelay(1, 3000, 60_000, low, -5)).toBe(3000);
  });
});
