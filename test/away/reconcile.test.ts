// While you were away, the pure rule: history ∩ window, minus what was reported, minus what
// the live engine knows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import {
  AWAY_LOOKBACK_MS,
  awayWindow,
  missedWhileAway,
  reachedBefore,
} from '../../main/away/reconcile.js';

const T0 = Date.parse('2026-12-04T08:00:00Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const call = (id: string, atMs: number, extra: Partial<Session> = {}): Session => ({
  id,
  dateCreated: iso(atMs),
  direction: 'Incoming',
  wasMissed: true,
  ...extra,
});
const window = { from: T0, to: T0 + 3_600_000 };
const none = new Set<string>();

describe('missedWhileAway', () => {
  it('reports the missed incoming calls inside the window, oldest first', () => {
    const history = [call('b', 2000), call('a', 1000), call('c', 3000)];
    expect(missedWhileAway(history, window, none, none).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out answered, outgoing and out-of-window calls', () => {
    const history = [
      call('answered', 1000, { wasMissed: false }),
      call('unknown', 1000, { wasMissed: undefined }),
      call('outgoing', 1000, { direction: 'Outgoing' }),
      call('before', -1),
      call('after', 3_600_001),
      call('no-date', 0, { dateCreated: undefined }),
      call('in', 5),
    ];
    expect(missedWhileAway(history, window, none, none).map((s) => s.id)).toEqual(['in']);
  });

  it('uses dateCompleted when the call has no start date', () => {
    const s = call('x', 0, { dateCreated: undefined, dateCompleted: iso(10) });
    expect(missedWhileAway([s], window, none, none)).toHaveLength(1);
  });

  it('never reports a call already reported (the ledger) or known to the live engine', () => {
    const history = [call('reported', 1), call('live', 2), call('new', 3)];
    const out = missedWhileAway(history, window, new Set(['reported']), new Set(['live']));
    expect(out.map((s) => s.id)).toEqual(['new']);
  });

  it('reports a call twice listed (it moved between pages) once', () => {
    expect(missedWhileAway([call('a', 1), call('a', 1)], window, none, none)).toHaveLength(1);
  });

  it('property: the result is exactly the eligible ids, each once, none reported or live', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const entry = fc.record({
      id: ids,
      at: fc.integer({ min: -10_000, max: 3_700_000 }),
      wasMissed: fc.boolean(),
      outgoing: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry), fc.uniqueArray(ids), fc.uniqueArray(ids), (rows, rep, live) => {
        const history = rows.map((r) =>
          call(r.id, r.at, {
            wasMissed: r.wasMissed,
            direction: r.outgoing ? 'Outgoing' : 'Incoming',
          }),
        );
        const out = missedWhileAway(history, window, new Set(rep), new Set(live));
        const outIds = out.map((s) => s.id);
        expect(new Set(outIds).size).toBe(outIds.length);
        for (const id of outIds) {
          expect(rep).not.toContain(id);
          expect(live).not.toContain(id);
        }
        // Every id with an eligible listing is reported.
        const eligible = rows
          .filter((r) => r.wasMissed && !r.outgoing && r.at >= 0 && r.at <= 3_600_000)
          .map((r) => r.id)
          .filter((id) => !rep.includes(id) && !live.includes(id));
        expect(new Set(outIds)).toEqual(new Set(eligible));
      }),
    );
  });
});

describe('awayWindow and paging', () => {
  it('looks back to the last watch, but never more than a day', () => {
    expect(awayWindow(T0, T0 + 60_000)).toEqual({ from: T0, to: T0 + 60_000 });
    const now = T0 + 3 * AWAY_LOOKBACK_MS;
    expect(awayWindow(T0, now).from).toBe(now - AWAY_LOOKBACK_MS);
  });

  it('a page that reaches before the window ends the reading', () => {
    expect(reachedBefore([call('a', 10), call('b', -5)], T0)).toBe(true);
    expect(reachedBefore([call('a', 10)], T0)).toBe(false);
  });
});
