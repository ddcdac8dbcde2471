import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import {
  LOCKED_NORMAL_FOR_MS,
  LOCKED_SLOW_MS,
  nextIntervalMs,
  ringingIntervalMs,
  wakeDelayMs,
  withJitter,
} from '../../main/watch/poll-interval.js';

const ringing: Session = { id: 'r', callState: 'Ringing', direction: 'Incoming' };
const queued: Session = { id: 'q', queueState: 'Queued', callState: 'Connected' };
const talking: Session = { id: 't', callState: 'Connected', answeredByName: 'Ada' };
const dialling: Session = { id: 'o', callState: 'Ringing', direction: 'Outgoing' };
const mid = (): number => 0.5; // no jitter

const at = (sessions: Session[], lockedSince: number | null = null, now = 1_000_000) =>
  nextIntervalMs({ sessions, normalMs: 3000, ringingMs: 1000, lockedSince, now, random: mid });

describe('the interval rule', () => {
  it('polls fast while a call rings or is queued, normal otherwise', () => {
    expect(at([ringing])).toBe(1000);
    expect(at([talking, queued])).toBe(1000);
    expect(at([talking])).toBe(3000);
    expect(at([])).toBe(3000);
  });

  it('an outgoing call ringing at the other end is not a reason to poll fast', () => {
    expect(at([dialling])).toBe(3000);
  });

  it('keeps the ringing interval at 500 ms or more, 1000 by default', () => {
    expect(ringingIntervalMs(undefined)).toBe(1000);
    expect(ringingIntervalMs(100)).toBe(500);
    expect(ringingIntervalMs(Number.NaN)).toBe(1000);
    expect(ringingIntervalMs(750)).toBe(750);
  });

  it('while locked: normal for the first ten minutes, then 30 s (fake clock)', () => {
    const lockedAt = 5_000_000;
    expect(at([], lockedAt, lockedAt)).toBe(3000);
    expect(at([], lockedAt, lockedAt + LOCKED_NORMAL_FOR_MS - 1)).toBe(3000);
    expect(at([], lockedAt, lockedAt + LOCKED_NORMAL_FOR_MS)).toBe(LOCKED_SLOW_MS);
    expect(at([], lockedAt, lockedAt + 3_600_000)).toBe(LOCKED_SLOW_MS);
    // a call seen ringing while locked still rings aloud promptly and is polled fast
    expect(at([ringing], lockedAt, lockedAt + 3_600_000)).toBe(1000);
    // ...and never slower than the normal interval
    const slowRinging = nextIntervalMs({
      sessions: [ringing],
      normalMs: 2000,
      ringingMs: 5000,
      lockedSince: lockedAt,
      now: lockedAt + 3_600_000,
      random: mid,
    });
    expect(slowRinging).toBe(2000);
    const minute = { sessions: [], normalMs: 60_000, lockedSince: lockedAt, random: mid };
    expect(nextIntervalMs({ ...minute, now: lockedAt + 3_600_000 })).toBe(60_000);
  });

  it('jitter stays within ±10 % for any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 120_000 }), fc.double({ min: 0, max: 1 }), (b, r) => {
        const ms = withJitter(b, () => r);
        expect(ms).toBeGreaterThanOrEqual(Math.floor(b * 0.9));
        expect(ms).toBeLessThanOrEqual(Math.ceil(b * 1.1));
      }),
    );
  });

  it('jitter spreads agents apart: the ends of the random range differ by about 20 %', () => {
    expect(withJitter(1000, () => 0)).toBe(900);
    expect(withJitter(1000, () => 0.999999)).toBe(1100);
  });

  it('on wake polls at once with up to one second of jitter', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1 }), (r) => {
        const ms = wakeDelayMs(() => r);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(1000);
      }),
    );
  });
});
