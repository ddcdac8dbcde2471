// The bench's budgets, each written once: the printed budget and the verdict beside a figure are
// both derived from its row, so the text cannot say one limit while the verdict checks another.
// docs/BENCHMARKS.md says why each limit is what it is.

/** What a limit is counted in; each unit knows how its amount is written. */
const UNITS = {
  /** A step's median time divided by JSON.parse's of the same body in the same rounds. */
  'ratio to JSON.parse': (limit: number) => `${limit.toFixed(2)}×`,
  /** A step's cost per call at the largest size divided by that at 100 calls. */
  'ratio of cost per call': (limit: number) => `${limit.toFixed(2)}×`,
  /** The window's median time divided by a plain-DOM page's in the same browser and run. */
  'ratio to the plain-DOM page': (limit: number) => `${limit.toFixed(2)}×`,
  'ms of CPU': (limit: number) => `${limit} ms cpu`,
  ms: (limit: number) => `${limit} ms`,
  '% of a core': (limit: number) => `${limit} %`,
  MB: (limit: number) => `${limit} MB`,
  KB: (limit: number) => `${limit} KB`,
  // The outside bench (outside.ts): CPU per poll of the built watch, measured from outside.
  /** watch's CPU per poll over the plain fetch + json() client's, in the same window. */
  'ratio to the plain client': (limit: number) => `${limit.toFixed(2)}× the plain client`,
  /** watch's CPU per poll for the reordered answers over that for the identical one. */
  'ratio to the identical answer': (limit: number) => `${limit.toFixed(2)}× identical`,
} satisfies Record<string, (limit: number) => string>;

/** How a measured number is held against the limit, and how that reads beside the figure. */
const RULES = {
  'at most': {
    text: (amount: string) => `≤ ${amount}`,
    met: (measured: number, limit: number) => measured <= limit,
  },
  // The default client's cap: the measured number is the cap under which it read the largest
  // list, 0 when it did not read it (a refused list misses whatever the cap).
  'read, with a cap of at least': {
    text: (amount: string) => `read (cap ≥ ${amount})`,
    met: (measured: number, limit: number) => measured >= limit,
  },
} satisfies Record<
  string,
  { text: (amount: string) => string; met: (measured: number, limit: number) => boolean }
>;

export interface Budget {
  id: string;
  /** What is measured, in words. */
  measures: string;
  limit: number;
  unit: keyof typeof UNITS;
  rule: keyof typeof RULES;
}

const table = <const T extends Record<string, Omit<Budget, 'id'>>>(rows: T) =>
  Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, { id, ...row }])) as {
    [K in keyof T]: Budget;
  };

export const BUDGETS = table({
  defaultClient: {
    measures: 'the body cap of the client as the app builds it, which must read the largest list',
    limit: 64,
    unit: 'MB',
    rule: 'read, with a cap of at least',
  },
  linear: {
    measures: "each step's cost per call at the largest size over that at 100 calls",
    limit: 1.5,
    unit: 'ratio of cost per call',
    rule: 'at most',
  },
  // The poll does not wait for the disk (the writer's save is not awaited): its cost is the
  // work, the CPU time; the wall time adds the file system's own waits.
  ledgerPerPoll: {
    measures: "decide plus the ledger writer's save, for a poll (CPU time)",
    limit: 5,
    unit: 'ms of CPU',
    rule: 'at most',
  },
  watchIdleCpu: {
    measures: 'the built watch at rest: user + system CPU over the window',
    limit: 0.5,
    unit: '% of a core',
    rule: 'at most',
  },
  watchRss: {
    measures: 'the built watch at rest: its largest resident set, sampled each second',
    limit: 100,
    unit: 'MB',
    rule: 'at most',
  },
  // The window (bench/window-bench.ts): realistic calls pushed, the IPC's structured clone
  // included, until painted; each a ratio to a plain-DOM page given the same state the same way
  // in the same browser (harness/window/plain-dom/), so a shared machine's noise cancels out.
  windowOverPlain: {
    measures: 'realistic calls pushed onto an empty window until painted, over the plain-DOM page',
    limit: 1,
    unit: 'ratio to the plain-DOM page',
    rule: 'at most',
  },
  // Before the virtual list the window painted 500 realistic calls in 0.53, 0.64 and 0.91× the
  // plain-DOM page's 500 in three runs (35, 41 and 71 ms): 5,000 must paint no slower than that.
  windowBigAsSmall: {
    measures: "5,000 realistic calls until painted, over the plain-DOM page's 500 in the same run",
    limit: 0.64,
    unit: 'ratio to the plain-DOM page',
    rule: 'at most',
  },
  windowPushedState: {
    measures: 'the state pushed to the window with 5,000 realistic calls, as JSON',
    limit: 1,
    unit: 'MB',
    rule: 'at most',
  },
  windowScript: {
    measures: "the window's production JS, gzipped",
    limit: 40,
    unit: 'KB',
    rule: 'at most',
  },
  // The outside bench (outside.ts): the built watch's CPU per poll, read from /proc over many
  // polls, beside a plain client and JSON.parse of the same answers in the same window.
  outsideAllChanged: {
    measures: "every call changed at each poll: watch's CPU per poll (1,000 and 10,000 calls)",
    limit: 0.9,
    unit: 'ratio to the plain client',
    rule: 'at most',
  },
  outsideReordered: {
    measures: "the same calls in a new order at each poll: watch's CPU per poll (1,000, 10,000)",
    limit: 1.2,
    unit: 'ratio to the identical answer',
    rule: 'at most',
  },
  outsideIdentical: {
    measures: "the same answer at each poll: watch's CPU per poll, 1,000 calls",
    limit: 2,
    unit: 'ratio to JSON.parse',
    rule: 'at most',
  },
  outsideGrowth: {
    measures: "watch's CPU per poll and per call at 25,000 calls over that at 1,000",
    limit: 1.3,
    unit: 'ratio of cost per call',
    rule: 'at most',
  },
});

/** The budget as printed beside its figure: "≤ 1.30×", "≤ 5 ms cpu", "read (cap ≥ 64 MB)". */
export function budgetText(budget: Budget): string {
  return RULES[budget.rule].text(UNITS[budget.unit](budget.limit));
}

export type Verdict = 'met' | 'missed' | '';

/** The verdict of a measured number, in the budget's unit; none when it was not measured. */
export function verdictOf(budget: Budget, measured: number | undefined): Verdict {
  if (measured === undefined) return '';
  return RULES[budget.rule].met(measured, budget.limit) ? 'met' : 'missed';
}

/** One line of the report's last table. */
export interface Figure {
  figure: string;
  value: string;
  budget: string;
  verdict: Verdict;
}

/** A figure held against its budget: the budget's text and the verdict from the one row. */
export function judged(
  figure: string,
  value: string,
  budget: Budget,
  measured: number | undefined,
): Figure {
  return { figure, value, budget: budgetText(budget), verdict: verdictOf(budget, measured) };
}

/** A figure reported without a budget (what it costs is informative, not held to a limit). */
export function unjudged(figure: string, value: string): Figure {
  return { figure, value, budget: '', verdict: '' };
}
