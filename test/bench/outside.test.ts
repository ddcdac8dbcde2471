// The outside bench's arithmetic: CPU per poll over the window's own polls, each ratio between
// programs or regimes of the same run, and the budgets judged from those ratios.
import { describe, expect, it } from 'vitest';
import { outsideFigures } from '../../bench/figures.js';
import {
  cpuPerPoll,
  peakRssAt,
  perCallGrowth,
  reorderedToIdentical,
  toJsonParse,
  toPlainClient,
  type RegimeRun,
} from '../../bench/outside-math.js';
import type { Regime } from '../../bench/regimes.js';

/** A run whose programs cost these ms of CPU per poll, over 10 polls. */
function run(
  sessions: number,
  regime: Regime,
  perPoll: { watch: number; plain: number; parse: number },
  peakRssMB = 100,
): RegimeRun {
  const window = (ms: number) => ({ polls: 10, cpuMs: ms * 10, peakRssMB });
  return {
    sessions,
    regime,
    bodyBytes: sessions * 2300,
    watch: window(perPoll.watch),
    plain: window(perPoll.plain),
    parse: window(perPoll.parse),
  };
}

describe('the arithmetic of the outside bench', () => {
  it("divides a window's CPU by its polls, and watch's by the others' of the same run", () => {
    const r = run(1000, 'all changed', { watch: 18, plain: 20, parse: 6 });
    expect(cpuPerPoll(r.watch)).toBe(18);
    expect(toPlainClient(r)).toBeCloseTo(0.9);
    expect(toJsonParse(r)).toBeCloseTo(3);
  });

  it('compares reordered with identical at the same size only', () => {
    const runs = [
      run(1000, 'identical', { watch: 4, plain: 20, parse: 6 }),
      run(1000, 'reordered', { watch: 5, plain: 20, parse: 6 }),
      run(10_000, 'reordered', { watch: 50, plain: 200, parse: 60 }),
    ];
    expect(reorderedToIdentical(runs, 1000)).toBeCloseTo(1.25);
    expect(reorderedToIdentical(runs, 10_000)).toBeUndefined();
  });

  it('gives the growth of CPU per call from 1,000 to 25,000 calls: 1 when linear', () => {
    const linear = [
      run(1000, 'all changed', { watch: 20, plain: 1, parse: 1 }),
      run(25_000, 'all changed', { watch: 500, plain: 1, parse: 1 }),
      run(25_000, 'identical', { watch: 130, plain: 1, parse: 1 }, 900),
    ];
    expect(perCallGrowth(linear, 'all changed', 1000, 25_000)).toBeCloseTo(1);
    expect(perCallGrowth(linear, 'identical', 1000, 25_000)).toBeUndefined();
    const worse = [
      linear[0] as RegimeRun,
      run(25_000, 'all changed', { watch: 700, plain: 1, parse: 1 }),
    ];
    expect(perCallGrowth(worse, 'all changed', 1000, 25_000)).toBeCloseTo(1.4);
    expect(peakRssAt(linear, 25_000)).toBe(900);
  });
});

describe('the outside figures beside their budgets', () => {
  const runs = [1000, 10_000, 25_000].flatMap((n) => {
    const k = n / 1000;
    return [
      run(n, 'identical', { watch: 10 * k, plain: 20 * k, parse: 5 * k }),
      run(n, 'one change', { watch: 11 * k, plain: 20 * k, parse: 5 * k }),
      run(n, 'all changed', { watch: (n === 10_000 ? 19 : 18) * k, plain: 20 * k, parse: 5 * k }),
      run(n, 'reordered', { watch: (n === 1000 ? 12 : 12.5) * k, plain: 20 * k, parse: 5 * k }),
    ];
  });

  it('judges all changed and reordered at 1,000 and 10,000, identical at 1,000, the growth', () => {
    const judged = outsideFigures(runs)
      .filter((f) => f.budget !== '')
      .map((f) => [f.figure, f.value, f.verdict]);
    expect(judged).toEqual([
      ["watch, every call changed, 1,000: CPU per poll ÷ the plain client's", '0.90×', 'met'],
      ["watch, every call changed, 10,000: CPU per poll ÷ the plain client's", '0.95×', 'missed'],
      ["watch, the same calls reordered, 1,000: CPU per poll ÷ identical's", '1.20×', 'met'],
      ["watch, the same calls reordered, 10,000: CPU per poll ÷ identical's", '1.25×', 'missed'],
      ['watch, identical answers, 1,000: CPU per poll ÷ JSON.parse of the answer', '2.00×', 'met'],
      ['watch, all changed: CPU per call, 25,000 ÷ 1,000', '1.00×', 'met'],
      ['watch, identical: CPU per call, 25,000 ÷ 1,000', '1.00×', 'met'],
    ]);
  });

  it('leaves the growth unjudged in a run without 25,000 calls (--quick)', () => {
    const quick = outsideFigures(runs.filter((r) => r.sessions === 1000));
    const growth = quick.filter((f) => f.figure.includes('25,000 ÷ 1,000'));
    expect(growth.map((f) => [f.value, f.verdict])).toEqual([
      ['not measured (a full run)', ''],
      ['not measured (a full run)', ''],
    ]);
    expect(quick.filter((f) => f.figure.includes('10,000'))).toEqual([]);
  });
});
