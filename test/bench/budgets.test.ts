// The bench's budgets are written once: the text printed beside a figure and its verdict both
// come from the one row of the budget table, so they cannot disagree.
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetText, verdictOf, type Budget } from '../../bench/budgets.js';
import type { CycleResult } from '../../bench/cycle.js';
import {
  defaultClientFigure,
  ledgerFigures,
  linearFigures,
  wholePollFigures,
  windowFigures,
} from '../../bench/figures.js';

const MB = 2 ** 20;

/** A cycle whose steps cost `ratios` × JSON.parse's 10 ms. */
function cycle(sessions: number, ratios: Record<string, number>): CycleResult {
  const ms: Record<string, number> = { parse: 10 };
  for (const [key, r] of Object.entries(ratios)) ms[key] = r * 10;
  return { sessions, bodyBytes: sessions * 2000, ms, gcMs: {} };
}

describe('the budget table', () => {
  it('prints each budget as the report always has', () => {
    expect(Object.values(BUDGETS).map((b) => [b.id, budgetText(b)])).toEqual([
      ['defaultClient', 'read (cap ≥ 64 MB)'],
      ['linear', '≤ 1.50×'],
      ['ledgerPerPoll', '≤ 5 ms cpu'],
      ['watchIdleCpu', '≤ 0.5 %'],
      ['watchRss', '≤ 100 MB'],
      ['windowOverPlain', '≤ 1.00×'],
      ['windowBigAsSmall', '≤ 0.64×'],
      ['windowPushedState', '≤ 1 MB'],
      ['windowScript', '≤ 40 KB'],
      ['outsideAllChanged', '≤ 0.90× the plain client'],
      ['outsideReordered', '≤ 1.20× identical'],
      ['outsideIdentical', '≤ 2.00×'],
      ['outsideGrowth', '≤ 1.30×'],
    ]);
  });

  it.each(Object.values(BUDGETS))('$id: met at its limit, missed just past it', (budget) => {
    const past = budget.rule === 'at most' ? budget.limit * 1.01 : budget.limit * 0.99;
    expect(verdictOf(budget, budget.limit)).toBe('met');
    expect(verdictOf(budget, past)).toBe('missed');
    expect(verdictOf(budget, NaN)).toBe('missed');
    expect(verdictOf(budget, undefined)).toBe('');
  });

  it('moves the text and the verdict together when a limit changes', () => {
    const looser: Budget = { ...BUDGETS.outsideReordered, limit: 1.6 };
    expect(budgetText(looser)).toBe('≤ 1.60× identical');
    expect(verdictOf(looser, 1.55)).toBe('met');
    expect(verdictOf(BUDGETS.outsideReordered, 1.55)).toBe('missed');
  });

  it('says in words what each budget measures', () => {
    for (const budget of Object.values(BUDGETS)) expect(budget.measures.length).toBeGreaterThan(20);
  });
});

describe('the figures beside their budgets', () => {
  it('reports the in-process whole poll at 1,000 and 10,000 calls, unjudged', () => {
    const figures = wholePollFigures([
      cycle(100, { wholeRing: 9, wholeSteady: 9 }),
      cycle(1000, { wholeRing: 2, wholeSteady: 1.31 }),
      cycle(10_000, { wholeRing: 2.01, wholeSteady: 1.3 }),
    ]);
    expect(figures.map((f) => [f.figure, f.value, f.budget, f.verdict])).toEqual([
      ['whole poll in-process, one new ring, 1,000', '2.00×', '', ''],
      ['whole poll in-process, nothing changed, 1,000', '1.31×', '', ''],
      ['whole poll in-process, one new ring, 10,000', '2.01×', '', ''],
      ['whole poll in-process, nothing changed, 10,000', '1.30×', '', ''],
    ]);
  });

  it("judges each step's growth per call from 100 calls to the largest size", () => {
    // Per call: normalize 0.1 ms at 100 and 0.2 ms at 10,000 (2×); tray menu 1×.
    const small = cycle(100, { normalize: 1, trayMenu: 1 });
    const big = { ...cycle(10_000, {}), ms: { parse: 1000, normalize: 2000, trayMenu: 1000 } };
    const figures = linearFigures([cycle(10, {}), small, big]);
    expect(figures).toHaveLength(8);
    expect(figures[0]).toEqual({
      figure: 'linear: normalize, per session 10,000 ÷ 100',
      value: '2.00× (JSON.parse 1.00×)',
      budget: '≤ 1.50×',
      verdict: 'missed',
    });
    expect(figures.find((f) => f.figure.startsWith('linear: tray menu'))?.verdict).toBe('met');
    expect(linearFigures([small])).toEqual([]);
  });

  it('holds the default client to reading the largest list under a cap of 64 MB', () => {
    expect(defaultClientFigure(10_000, 'read', 64 * MB)).toEqual({
      figure: 'default client, 10,000 sessions',
      value: 'read (cap 64 MB)',
      budget: 'read (cap ≥ 64 MB)',
      verdict: 'met',
    });
    expect(defaultClientFigure(10_000, 'read', 32 * MB).verdict).toBe('missed');
    expect(defaultClientFigure(10_000, 'too-large', 64 * MB).verdict).toBe('missed');
  });

  it("judges the ledger's CPU, not its wall time, and reports its saves unjudged", () => {
    const figures = ledgerFigures({
      remembered: 20_000,
      steady: { cpuMs: 5, wallMs: 40 },
      oneEnded: { cpuMs: 5.01, wallMs: 5.01 },
      wholeSaveMs: 55.86,
      loadMs: 57.83,
    });
    expect(figures.map((f) => [f.figure, f.budget, f.verdict])).toEqual([
      ['ledger per poll, 20,000 remembered, nothing changed', '≤ 5 ms cpu', 'met'],
      ['ledger per poll, 20,000 remembered, one call ended', '≤ 5 ms cpu', 'missed'],
      ['ledger whole save, 20,000 (a start, a rewrite)', '', ''],
      ['ledger load, 20,000', '', ''],
    ]);
  });

  it('gives an unmeasured window render its budget but no verdict', () => {
    const [big, script] = windowFigures({
      scriptGzipKB: 40.04,
      pushedMB: [],
      paints: [],
      skipped: 'no Chromium',
    });
    expect(big).toMatchObject({
      value: 'not measured: no Chromium',
      budget: '≤ 0.64×',
      verdict: '',
    });
    expect(script).toMatchObject({ value: '40.0 KB', budget: '≤ 40 KB', verdict: 'missed' });
  });

  it("holds each size to the plain-DOM page's, and 5,000 calls to the plain-DOM page's 500", () => {
    const paint = (calls: number, windowMs: number, plainMs: number) => ({
      calls,
      windowMs,
      plainMs,
      ratio: windowMs / plainMs,
      windowRuns: [windowMs],
      plainRuns: [plainMs],
      windowFirstMs: 90,
    });
    const figures = windowFigures({
      scriptGzipKB: 12,
      pushedMB: [
        { calls: 500, mb: 0.08, fullMB: 1.1 },
        { calls: 5000, mb: 1.02, fullMB: 11.4 },
      ],
      paints: [paint(500, 20, 40), paint(5000, 26, 400)],
    });
    expect(figures.map((f) => [f.figure, f.value, f.budget, f.verdict])).toEqual([
      [
        'window: 500 realistic calls pushed until painted (copy included), over the plain-DOM page',
        '0.50× (20.0 ms ÷ 40.0 ms, medians of 1)',
        '≤ 1.00×',
        'met',
      ],
      ['window: the same, first push on a fresh page (the warm-up)', '90.0 ms', '', ''],
      [
        'window: 5,000 realistic calls pushed until painted (copy included), over the plain-DOM page',
        '0.07× (26.0 ms ÷ 400.0 ms, medians of 1)',
        '≤ 1.00×',
        'met',
      ],
      ['window: the same, first push on a fresh page (the warm-up)', '90.0 ms', '', ''],
      [
        "window: 5,000 realistic calls until painted, over the plain-DOM page's 500",
        '0.65× (26.0 ms ÷ 40.0 ms)',
        '≤ 0.64×',
        'missed',
      ],
      [
        'window: the state pushed with 5,000 realistic calls (JSON)',
        '1.02 MB (the whole AppState: 11.4 MB)',
        '≤ 1 MB',
        'missed',
      ],
      ['window JS, gzipped', '12.0 KB', '≤ 40 KB', 'met'],
    ]);
  });
});
