// The report as printed: for a person, the cycle's table, what its growth is made of and the
// figures beside their budgets; for machines (--json), everything measured as one object.
import type { Figure } from './budgets.js';
import type { CycleResult } from './cycle.js';
import type { LedgerResult } from './ledger-bench.js';
import type { OutsideResult } from './outside.js';
import { cpuPerPoll, toJsonParse, toPlainClient } from './outside-math.js';
import { REGIMES } from './regimes.js';
import { clientRead, count, growthRows, ratio, STEPS, x } from './steps.js';
import type { IdleResult, LatencyResult } from './watch-bench.js';
import type { WindowResult } from './window-bench.js';

export interface Report {
  quick: boolean;
  machine: string;
  cycles: CycleResult[];
  coldCycles: CycleResult[];
  ledger: LedgerResult;
  idle: IdleResult;
  latency: LatencyResult;
  window: WindowResult;
  /** The poll measured from outside (outside.ts). */
  outside: OutsideResult;
  figures: Figure[];
}

export function printJson(report: Report): void {
  console.log(JSON.stringify(report, null, 2));
}

export function printText(report: Report): void {
  console.log(`${report.quick ? 'Quick run' : 'Full run'} on ${report.machine}\n`);
  printCycles(report.cycles);
  console.log('\nSteps as a ratio to JSON.parse of the same body (medians).\n');
  printGrowth(report.cycles, report.coldCycles);
  printOutside(report.outside);
  printTable([
    ['figure', 'measured', 'budget', 'verdict'],
    ...report.figures.map((f) => [f.figure, f.value, f.budget, f.verdict]),
  ]);
  if (report.quick) {
    console.log('\n--quick: small sizes and few rounds; the budgets are for a full run.');
  }
}

/** Each step at each size, as a ratio to JSON.parse of the same body. */
function printCycles(cycles: readonly CycleResult[]): void {
  printTable([
    ['sessions', ...cycles.map((r) => count(r.sessions))],
    ['body', ...cycles.map((r) => `${(r.bodyBytes / 2 ** 20).toFixed(2)} MB`)],
    ['JSON.parse (the floor)', ...cycles.map((r) => `${(r.ms['parse'] ?? NaN).toFixed(2)} ms`)],
    ...STEPS.map(([key, label]) => [label, ...cycles.map((r) => x(ratio(r, key)))]),
    ['client read (whole − parse − normalize − decide)', ...cycles.map((r) => x(clientRead(r)))],
  ]);
}

/** What each step's growth per call is made of; nothing when only one size was measured. */
function printGrowth(cycles: readonly CycleResult[], cold: readonly CycleResult[]): void {
  const rows = growthRows(cycles, cold);
  if (rows.length === 0) return;
  const big = count(cycles[cycles.length - 1]?.sessions ?? 0);
  printTable([
    [
      `per session, ${big} ÷ 100`,
      'measured',
      "without the collector's pauses",
      'caches emptied before each step',
      'both',
      `GC share at ${big}`,
    ],
    ...rows,
  ]);
  console.log(
    "\nThe collector's pauses are V8's own reports (perf_hooks 'gc') that fell inside a step.\n",
  );
}

// The outside bench (outside.ts): one table, each regime a row group, each size a column.

/** watch's CPU per poll and its ratios to the plain client and to JSON.parse, by regime. */
function printOutside(outside: OutsideResult): void {
  const sizes = [...new Set(outside.runs.map((r) => r.sessions))];
  const at = (n: number, regime: string) =>
    outside.runs.find((r) => r.sessions === n && r.regime === regime);
  const cell = (
    n: number,
    regime: string,
    f: (r: NonNullable<ReturnType<typeof at>>) => string,
  ) => {
    const run = at(n, regime);
    return run ? f(run) : '—';
  };
  printTable([
    ['calls, from outside (CPU per poll)', ...sizes.map(count)],
    [
      'body',
      ...sizes.map((n) => cell(n, 'identical', (r) => `${(r.bodyBytes / 2 ** 20).toFixed(2)} MB`)),
    ],
    ...REGIMES.flatMap((regime) => [
      [
        `${regime}: watch`,
        ...sizes.map((n) => cell(n, regime, (r) => `${cpuPerPoll(r.watch).toFixed(1)} ms`)),
      ],
      [
        '  plain fetch + json()',
        ...sizes.map((n) => cell(n, regime, (r) => `${cpuPerPoll(r.plain).toFixed(1)} ms`)),
      ],
      [
        '  JSON.parse',
        ...sizes.map((n) => cell(n, regime, (r) => `${cpuPerPoll(r.parse).toFixed(1)} ms`)),
      ],
      ['  watch ÷ plain client', ...sizes.map((n) => cell(n, regime, (r) => x(toPlainClient(r))))],
      ['  watch ÷ JSON.parse', ...sizes.map((n) => cell(n, regime, (r) => x(toJsonParse(r))))],
    ]),
  ]);
  console.log(
    `\nEach program a process of its own; CPU of every thread from /proc over its window of polls (after warm-up polls), ${outside.pauseMs} ms between polls.\n`,
  );
}

/** The first column left-aligned, the others right-aligned, each as wide as its widest cell. */
function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const row of rows) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  '),
    );
  }
}
