import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockOffsetOf,
  estimateLatency,
  narrowClockWindow,
  serverClockOffsetMs,
  serverTime,
  type ClockWindow,
} from '../../main/watch/latency.js';

const T = Date.parse('2026-12-02T12:00:00Z');

describe('alert latency', () => {
  it('a call that rang again (after a transfer) counts from its last ringing entry', () => {
    const e = estimateLatency({
      alertAt: T + 700,
      serverOffsetMs: 0,
      session: {
        dateCreated: '2026-12-02T11:50:00Z',
        log: [
          { date: '2026-12-02T11:50:00Z', message: 'Ringing agent Ada' },
          { date: '2026-12-02T11:51:00Z', message: 'Answered by Ada' },
          { date: '2026-12-02T12:00:00Z', message: 'Ringing agent Ben' },
        ],
      },
      intervalMs: 3000,
    });
    expect(e).toEqual({ latencyMs: 700, basis: 'session' });
  });

  it('from the ringing log entry, mapped to the local clock with the server offset', () => {
    const e = estimateLatency({
      alertAt: T + 1200,
      // the server clock is 5 s ahead: its 12:00:05 is our 12:00:00
      serverOffsetMs: 5000,
      session: {
        dateCreated: '2026-12-02T11:59:00Z',
        log: [
          { date: '2026-12-02T11:59:00Z', message: 'Queued' },
          { date: '2026-12-02T12:00:05Z', message: 'Ringing agent Ada' },
        ],
      },
      intervalMs: 3000,
    });
    expect(e).toEqual({ latencyMs: 1200, basis: 'session' });
  });

  it('a call queued first: a poll that saw it not ringing bounds the start', () => {
    const e = estimateLatency({
      alertAt: T + 900,
      serverOffsetMs: 0,
      session: { dateCreated: '2026-12-02T11:58:00Z' },
      lastNotRingingAt: T,
      intervalMs: 1000,
    });
    expect(e).toEqual({ latencyMs: 900, basis: 'session' });
  });

  it('without the session time: the middle of the gap between polls', () => {
    expect(
      estimateLatency({
        alertAt: T + 1000,
        serverOffsetMs: 0,
        session: {},
        lastNotRingingAt: T,
        intervalMs: 1000,
      }),
    ).toEqual({ latencyMs: 500, basis: 'polls' });
    expect(
      estimateLatency({ alertAt: T, serverOffsetMs: 0, session: {}, intervalMs: 3000 }),
    ).toEqual({ latencyMs: 1500, basis: 'interval' });
  });

  it('a server clock behind ours never gives a negative latency', () => {
    const e = estimateLatency({
      alertAt: T,
      serverOffsetMs: -3000,
      session: { dateCreated: '2026-12-02T12:00:00Z' },
      intervalMs: 3000,
    });
    expect(e.latencyMs).toBe(0);
  });

  it('property: never negative; at most the interval + 1 s when the session has no time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 30_000 }),
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
        fc.integer({ min: -600_000, max: 600_000 }),
        fc.option(fc.integer({ min: -600_000, max: 600_000 }), { nil: undefined }),
        (intervalMs, gap, offset, createdDelta) => {
          const e = estimateLatency({
            alertAt: T,
            serverOffsetMs: offset,
            session:
              createdDelta === undefined
                ? {}
                : { dateCreated: new Date(T + createdDelta).toISOString() },
            intervalMs,
            ...(gap === undefined ? {} : { lastNotRingingAt: T - gap }),
          });
          expect(e.latencyMs).toBeGreaterThanOrEqual(0);
          if (createdDelta === undefined)
            expect(e.latencyMs).toBeLessThanOrEqual(intervalMs + 1000);
          if (gap !== undefined)
            expect(e.latencyMs).toBeLessThanOrEqual(Math.max(gap, intervalMs + 1000));
        },
      ),
    );
  });

  it('the Date header offset, from the middle of its second and of the request', () => {
    const header = new Date(T + 10_000).toUTCString();
    expect(serverClockOffsetMs(header, T - 200, T + 200)).toBe(10_500);
    expect(serverClockOffsetMs(null, T, T)).toBe(0);
    expect(serverClockOffsetMs('not a date', T, T)).toBe(0);
  });

  it('each further Date header narrows the offset; a clock that was set starts it over', () => {
    // The server runs 10.3 s ahead; each request takes 100 ms; polls fall at varied points.
    const answer = (localAt: number) => {
      const header = new Date(localAt + 10_300).toUTCString(); // stamped on arrival
      return [header, localAt - 100, localAt] as const;
    };
    let w: ClockWindow | null = null;
    for (const at of [T + 50, T + 1_770, T + 3_690, T + 5_210]) {
      w = narrowClockWindow(w, ...answer(at));
      expect(w?.low).toBeLessThanOrEqual(10_300);
      expect(w?.high).toBeGreaterThanOrEqual(10_300);
    }
    expect((w?.high ?? 0) - (w?.low ?? 0)).toBeLessThanOrEqual(200);
    expect(Math.abs(clockOffsetOf(w) - 10_300)).toBeLessThanOrEqual(100);
    // No header: nothing learnt. A clock set back a minute: the old window no longer holds.
    expect(narrowClockWindow(w, undefined, T, T)).toBe(w);
    const reset = narrowClockWindow(
      w,
      new Date(T + 9000 - 60_000).toUTCString(),
      T + 8_900,
      T + 9000,
    );
    expect(clockOffsetOf(reset)).toBeCloseTo(-60_000 + 500 + 50, -1);
    expect(clockOffsetOf(null)).toBe(0);
  });

  it('server times without a zone are UTC; junk is no time', () => {
    expect(serverTime('2026-12-02T12:00:00')).toBe(T);
    expect(serverTime('2026-12-02T13:00:00+01:00')).toBe(T);
    expect(serverTime('String')).toBeUndefined();
    expect(serverTime('')).toBeUndefined();
  });
});
