// The report's last table, one function per section: each figure beside its budget, the budget's
// text and the verdict both taken from its row of the budget table (budgets.ts).
import { BUDGETS, judged, unjudged, type Figure } from './budgets.js';
import type { CycleResult } from './cycle.js';
import type { LedgerResult } from './ledger-bench.js';
import {
  peakRssAt,
  perCallGrowth,
  reorderedToIdentical,
  runOf,
  toJsonParse,
  toPlainClient,
  type RegimeRun,
} from './outside-math.js';
import { count, growth, ratio, smallAndBig, STEPS, x } from './steps.js';
import type { IdleResult, LatencyResult } from './watch-bench.js';
import { WINDOW_BIG_CALLS, WINDOW_TODAY_CALLS, type WindowResult } from './window-bench.js';

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

/**
 * The whole poll timed inside the bench's own process, at 1,000 and 10,000 calls: informative
 * only. One step's wall clock leaves out the collector's later work and the watcher's own; the
 * poll budgets are judged from outside the process (outsideFigures).
 */
export function wholePollFigures(cycles: readonly CycleResult[]): Figure[] {
  return cycles
    .filter((r) => r.sessions === 1000 || r.sessions === 10_000)
    .flatMap((r) => {
      const n = count(r.sessions);
      return [
        unjudged(`whole poll in-process, one new ring, ${n}`, x(ratio(r, 'wholeRing'))),
        unjudged(`whole poll in-process, nothing changed, ${n}`, x(ratio(r, 'wholeSteady'))),
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
    ...window.pushedMB
      .filter((p) => p.calls === WINDOW_BIG_CALLS)
      .map((p) =>
        judged(
          `window: the state pushed with ${count(p.calls)} realistic calls (JSON)`,
          `${p.mb.toFixed(2)} MB (the whole AppState: ${p.fullMB.toFixed(1)} MB)`,
          BUDGETS.windowPushedState,
          p.mb,
        ),
      ),
    judged(
      'window JS, gzipped',
      `${window.scriptGzipKB.toFixed(1)} KB`,
      BUDGETS.windowScript,
      window.scriptGzipKB,
    ),
  ];
}

// The outside bench (outside.ts): the built watch's CPU per poll as an observer outside the
// process measures it, each figure a ratio between programs or regimes of the same run.

/** The poll budgets, and watch's largest resident set at each size (unjudged). */
export function outsideFigures(runs: readonly RegimeRun[]): Figure[] {
  const sizes = [...new Set(runs.map((r) => r.sessions))];
  const judgedAt = (sessions: number) => sessions === 1000 || sessions === 10_000;
  const allChanged = sizes.filter(judgedAt).map((n) => {
    const run = runOf(runs, n, 'all changed');
    const measured = run && toPlainClient(run);
    return judged(
      `watch, every call changed, ${count(n)}: CPU per poll ÷ the plain client's`,
      measured === undefined ? '' : x(measured),
      BUDGETS.outsideAllChanged,
      measured,
    );
  });
  const reordered = sizes.filter(judgedAt).map((n) => {
    const measured = reorderedToIdentical(runs, n);
    return judged(
      `watch, the same calls reordered, ${count(n)}: CPU per poll ÷ identical's`,
      measured === undefined ? '' : x(measured),
      BUDGETS.outsideReordered,
      measured,
    );
  });
  return [...allChanged, ...reordered, ...outsideFloorFigures(runs)];
}

/** Against JSON.parse, growth per call, and the resident set. */
function outsideFloorFigures(runs: readonly RegimeRun[]): Figure[] {
  const identical = runOf(runs, 1000, 'identical');
  const toParse = identical && toJsonParse(identical);
  const growth = (regime: 'all changed' | 'identical') => {
    const measured = perCallGrowth(runs, regime, 1000, 25_000);
    return judged(
      `watch, ${regime}: CPU per call, 25,000 ÷ 1,000`,
      measured === undefined ? 'not measured (a full run)' : x(measured),
      BUDGETS.outsideGrowth,
      measured,
    );
  };
  const sizes = [...new Set(runs.map((r) => r.sessions))];
  return [
    judged(
      'watch, identical answers, 1,000: CPU per poll ÷ JSON.parse of the answer',
      toParse === undefined ? '' : x(toParse),
      BUDGETS.outsideIdentical,
      toParse,
    ),
    growth('all changed'),
    growth('identical'),
    ...sizes.map((n) =>
      unjudged(
        `watch, largest resident set, ${count(n)} calls`,
        `${peakRssAt(runs, n).toFixed(0)} MB`,
      ),
    ),
  ];
}
