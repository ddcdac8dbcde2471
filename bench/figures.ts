// The report's last table, one function per section: each figure beside its budget, the budget's
// text and the verdict both taken from its row of the budget table (budgets.ts).
import { BUDGETS, judged, unjudged, type Figure } from './budgets.js';
import type { CycleResult } from './cycle.js';
import type { LedgerResult } from './ledger-bench.js';
import { count, growth, ratio, smallAndBig, STEPS, x } from './steps.js';
import type { IdleResult, LatencyResult } from './watch-bench.js';
import type { WindowResult } from './window-bench.js';

/** Whether the client as the app builds it (`capBytes`, its default cap) read `sessions` calls. */
export function defaultClientFigure(sessions: number, answer: string, capBytes: number): Figure {
  const capMB = capBytes / 2 ** 20;
  return judged(
    `default client, ${count(sessions)} sessions`,
    `${answer} (cap ${capMB.toFixed(0)} MB)`,
    BUDGETS.defaultClient,
    answer === 'read' ? capMB : 0,
  );
}

/** The whole poll at the sizes an agent's list can reach: 1,000 and 10,000 calls. */
export function wholePollFigures(cycles: readonly CycleResult[]): Figure[] {
  return cycles
    .filter((r) => r.sessions === 1000 || r.sessions === 10_000)
    .flatMap((r) => {
      const n = count(r.sessions);
      const ring = ratio(r, 'wholeRing');
      const steady = ratio(r, 'wholeSteady');
      return [
        judged(`whole poll, one new ring, ${n}`, x(ring), BUDGETS.wholePollRing, ring),
        judged(`whole poll, nothing changed, ${n}`, x(steady), BUDGETS.wholePollSteady, steady),
      ];
    });
}

/** Each step's cost per call from 100 calls to the largest size, beside JSON.parse's own. */
export function linearFigures(cycles: readonly CycleResult[]): Figure[] {
  const pair = smallAndBig(cycles);
  if (!pair) return [];
  const { small, big } = pair;
  const floor = `JSON.parse ${x(growth(small, big, 'parse'))}`;
  return STEPS.map(([key, label]) => {
    const grew = growth(small, big, key);
    return judged(
      `linear: ${label}, per session ${count(big.sessions)} ÷ 100`,
      `${x(grew)} (${floor})`,
      BUDGETS.linear,
      grew,
    );
  });
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

export function ledgerFigures(ledger: LedgerResult): Figure[] {
  const calls = count(ledger.remembered);
  const perPoll = (what: string, cost: { cpuMs: number; wallMs: number }) =>
    judged(
      `ledger per poll, ${calls} remembered, ${what}`,
      `cpu ${ms(cost.cpuMs)} (wall ${ms(cost.wallMs)})`,
      BUDGETS.ledgerPerPoll,
      cost.cpuMs,
    );
  return [
    perPoll('nothing changed', ledger.steady),
    perPoll('one call ended', ledger.oneEnded),
    unjudged(`ledger whole save, ${calls} (a start, a rewrite)`, ms(ledger.wholeSaveMs)),
    unjudged(`ledger load, ${calls}`, ms(ledger.loadMs)),
  ];
}

export function watchFigures(idle: IdleResult, latency: LatencyResult): Figure[] {
  return [
    judged(
      `watch idle CPU, ${idle.calls} calls, ${idle.intervalMs / 1000} s interval, ${idle.seconds.toFixed(0)} s`,
      `${idle.cpuPercent.toFixed(2)} % of a core (${idle.polls} polls)`,
      BUDGETS.watchIdleCpu,
      idle.cpuPercent,
    ),
    judged(
      'watch RSS (largest sample)',
      `${idle.maxRssMB.toFixed(1)} MB`,
      BUDGETS.watchRss,
      idle.maxRssMB,
    ),
    unjudged(
      `alert latency, ${latency.intervalMs} ms interval, ${latency.calls} calls (arrival → ringing line)`,
      `p50 ${latency.p50Ms.toFixed(0)} ms, p95 ${latency.p95Ms.toFixed(0)} ms`,
    ),
  ];
}

/** The window; without Chromium the render is not measured and has no verdict. */
export function windowFigures(window: WindowResult): Figure[] {
  const at = (calls: number) => window.paints.find((p) => p.calls === calls);
  const small = at(WINDOW_TODAY_CALLS);
  const big = at(WINDOW_BIG_CALLS);
  const notMeasured = `not measured${window.skipped ? `: ${window.skipped}` : ''}`;
  // The big list against the plain-DOM page's small one: the window's 5,000 against what its
  // 500 cost before it rendered only the rows in view, in a unit that travels between runs.
  const bigOverSmall = big && small ? big.windowMs / small.plainMs : undefined;
  return [
    ...window.paints.flatMap((p) => [
      judged(
        `window: ${count(p.calls)} realistic calls pushed until painted (copy included), over the plain-DOM page`,
        `${x(p.ratio)} (${p.windowMs.toFixed(1)} ms ÷ ${p.plainMs.toFixed(1)} ms, medians of ${p.windowRuns.length})`,
        BUDGETS.windowOverPlain,
        p.ratio,
      ),
      unjudged(
        `window: the same, first push on a fresh page (the warm-up)`,
        `${p.windowFirstMs.toFixed(1)} ms`,
      ),
    ]),
    judged(
      `window: ${count(WINDOW_BIG_CALLS)} realistic calls until painted, over the plain-DOM page's ${count(WINDOW_TODAY_CALLS)}`,
      bigOverSmall === undefined
        ? notMeasured
        : `${x(bigOverSmall)} (${big?.windowMs.toFixed(1)} ms ÷ ${small?.plainMs.toFixed(1)} ms)`,
      BUDGETS.windowBigAsSmall,
      bigOverSmall,
    ),
    judged(
      'window JS, gzipped',
      `${window.scriptGzipKB.toFixed(1)} KB`,
      BUDGETS.windowScript,
      window.scriptGzipKB,
    ),
  ];
}

/** The sizes of the window's budget: 5,000 calls painted as fast as 500 were before. */
export const WINDOW_TODAY_CALLS = 500;
export const WINDOW_BIG_CALLS = 5000;
