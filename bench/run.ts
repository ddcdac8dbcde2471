// `npm run bench [-- --quick] [-- --json]`: what a poll costs, measured, never asserted in
// tests. Every step is a ratio to JSON.parse of the same body in the same run, so the figures
// travel between machines; each stands beside its budget (bench/budgets.ts, docs/BENCHMARKS.md)
// with a verdict. --quick (for CI: proves the bench works, never fails on a time) runs the small
// sizes only.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { DEFAULT_MAX_BODY_BYTES } from '../main/evo/client.js';
import type { Figure } from './budgets.js';
import { defaultClientReads, measureCycle, type CycleResult } from './cycle.js';
import {
  defaultClientFigure,
  ledgerFigures,
  linearFigures,
  outsideFigures,
  watchFigures,
  wholePollFigures,
  windowFigures,
} from './figures.js';
import { measureLedger } from './ledger-bench.js';
import { measureOutside, type OutsideSize } from './outside.js';
import { printJson, printText } from './report.js';
import { startBodyServer } from './server.js';
import { builtWatchExists, measureIdle, measureLatency } from './watch-bench.js';
import { measureWindow } from './window-bench.js';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const SIZES = quick ? [10, 100, 1000] : [10, 100, 1000, 5000, 10_000];
const LARGEST = SIZES[SIZES.length - 1] ?? 0;
const REMEMBERED = 20_000;

/** Progress on stderr, kept off the JSON's way. */
const progress = (line: string) => {
  if (!asJson) process.stderr.write(`${line}\n`);
};

/** The poll cycle at each size, through the real client against a server in its own process. */
async function measurePolls(): Promise<{
  cycles: CycleResult[];
  coldCycles: CycleResult[];
  defaultClient: Figure;
}> {
  const server = await startBodyServer();
  try {
    const cycles: CycleResult[] = [];
    for (const size of SIZES) {
      // Enough rounds at the small sizes for V8 to have optimized each step, as it has in an
      // app that has polled for a while; a step that runs 16 times is still being compiled.
      const rounds = quick ? 3 : Math.max(9, Math.min(300, Math.round(150_000 / size)));
      cycles.push(await measureCycle(server, size, rounds));
      progress(`measured ${size} sessions`);
    }
    // The same cycle at 100 calls and at the largest size with the caches emptied before each
    // step: a like-for-like cost per call, for what the growth of each step is made of.
    const coldCycles: CycleResult[] = [];
    if (!quick) {
      for (const size of [100, LARGEST]) {
        coldCycles.push(
          await measureCycle(server, size, Math.max(15, Math.min(150, 60_000 / size)), true),
        );
      }
      progress('measured with the caches emptied');
    }
    const answer = await defaultClientReads(server, LARGEST);
    const defaultClient = defaultClientFigure(LARGEST, answer, DEFAULT_MAX_BODY_BYTES);
    return { cycles, coldCycles, defaultClient };
  } finally {
    await server.stop();
  }
}

/** The built watch: `npm run build` makes it; built here if missing. */
function ensureBuiltWatch(): void {
  if (builtWatchExists()) return;
  execFileSync('npx', ['vite', 'build', '-c', 'watch.vite.config.ts', '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

// The poll from outside (outside.ts): each size's polls chosen so a window holds several of
// the collector's full cycles (each poll's body leaves its bytes as garbage outside V8's heap,
// and a full collection comes every 64 MB of it: about every 28 polls at 1,000 calls, every 3
// at 10,000), so a window's mean does not depend on how many fell inside it; 60 polls at 1,000
// and 15 at 10,000 swung ±50 % between runs. 25,000 still ends in about a minute (about 2 s of
// CPU a poll for watch there). --quick proves it works on few polls.
const OUTSIDE_SIZES: OutsideSize[] = quick
  ? [
      { sessions: 100, warmup: 5, polls: 10 },
      { sessions: 1000, warmup: 5, polls: 10 },
    ]
  : [
      { sessions: 100, warmup: 10, polls: 100 },
      { sessions: 1000, warmup: 10, polls: 200 },
      { sessions: 10_000, warmup: 5, polls: 40 },
      { sessions: 25_000, warmup: 2, polls: 8 },
    ];
/** watch's --interval-ms, its smallest: the polls come nearly back to back. */
const OUTSIDE_PAUSE_MS = 100;

async function measureFromOutside() {
  ensureBuiltWatch();
  return measureOutside(OUTSIDE_SIZES, OUTSIDE_PAUSE_MS, progress);
}

/** The built watch, as its bin runs: at rest, then how soon it says a call rings. */
async function measureWatch() {
  ensureBuiltWatch();
  const idle = await measureIdle(quick ? 10 : 60);
  progress('measured watch at rest');
  const latency = await measureLatency(quick ? 20 : 200);
  progress('measured alert latency');
  return { idle, latency };
}

async function main(): Promise<void> {
  const { cycles, coldCycles, defaultClient } = await measurePolls();
  const outside = await measureFromOutside();
  const ledger = await measureLedger(quick ? 2000 : REMEMBERED, quick ? 5 : 25);
  const { idle, latency } = await measureWatch();
  const window = await measureWindow(quick ? [50, 500] : [500, 5000], quick ? 3 : 10);
  const figures = [
    defaultClient,
    ...outsideFigures(outside.runs),
    ...wholePollFigures(cycles),
    ...linearFigures(cycles),
    ...ledgerFigures(ledger),
    ...watchFigures(idle, latency),
    ...windowFigures(window),
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`;
  const report = {
    ...{ quick, machine, cycles, coldCycles, ledger, idle, latency, window, figures },
    outside,
  };
  if (asJson) printJson(report);
  else printText(report);
}

await main();
