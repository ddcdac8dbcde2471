// `npm run bench [-- --quick] [-- --json]`: what a poll costs, measured, never asserted in
// tests. Every step is a ratio to JSON.parse of the same body in the same run, so the figures
// travel between machines; each stands beside its budget (docs/BENCHMARKS.md) with a verdict.
// --quick (for CI: proves the bench works, never fails on a time) runs the small sizes only.
import { cpus, totalmem } from 'node:os';
import { DEFAULT_MAX_BODY_BYTES } from '../main/evo/client.js';
import { defaultClientReads, measureCycle, type CycleResult } from './cycle.js';
import { measureLedger } from './ledger-bench.js';
import { startBodyServer } from './server.js';
import { builtWatchExists, measureIdle, measureLatency } from './watch-bench.js';
import { measureWindow } from './window-bench.js';
import { execFileSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const SIZES = quick ? [10, 100, 1000] : [10, 100, 1000, 5000, 10_000];
const REMEMBERED = 20_000;

interface Figure {
  figure: string;
  value: string;
  budget: string;
  verdict: 'met' | 'missed' | '';
}

const STEPS: [key: string, label: string][] = [
  ['normalize', 'normalize'],
  ['decideSteady', 'decide, nothing changed'],
  ['decideRing', 'decide, one new ringing call'],
  ['decideNewMinute', 'decide, first poll of a minute'],
  ['appState', 'app state (withPoll)'],
  ['trayMenu', 'tray menu model'],
  ['wholeSteady', 'whole poll, nothing changed'],
  ['wholeRing', 'whole poll, one new ringing call'],
];

/** Not budgets: what a step's growth per call is measured against. */
const FLOORS: [key: string, label: string][] = [
  ['parse', 'floor: JSON.parse'],
  ['tableOfCalls', 'floor: a new table of every call by id'],
  ['compareRemembered', "part of decide: compare each call with what's remembered"],
];

const ratio = (r: CycleResult, key: string) => (r.ms[key] ?? NaN) / (r.ms['parse'] ?? NaN);
const perSession = (r: CycleResult, key: string) => (r.ms[key] ?? NaN) / r.sessions;
/** What the client adds besides parsing and normalizing: fetch, reading the stream, decoding. */
const clientRead = (r: CycleResult) =>
  ratio(r, 'wholeSteady') - 1 - ratio(r, 'normalize') - ratio(r, 'decideSteady');
const x = (n: number) => `${n.toFixed(2)}×`;

function verdict(ok: boolean): 'met' | 'missed' {
  return ok ? 'met' : 'missed';
}

async function main(): Promise<void> {
  const server = await startBodyServer();
  const cycles: CycleResult[] = [];
  const coldCycles: CycleResult[] = [];
  const figures: Figure[] = [];
  try {
    for (const size of SIZES) {
      // Enough rounds at the small sizes for V8 to have optimized each step, as it has in an
      // app that has polled for a while; a step that runs 16 times is still being compiled.
      const rounds = quick ? 3 : Math.max(9, Math.min(300, Math.round(150_000 / size)));
      const result = await measureCycle(server, size, rounds);
      cycles.push(result);
      if (!asJson) process.stderr.write(`measured ${size} sessions\n`);
    }
    // The same cycle at 100 calls and at the largest size with the caches emptied before each
    // step: a like-for-like cost per call, for what the growth of each step is made of.
    if (!quick) {
      for (const size of [100, SIZES[SIZES.length - 1] ?? 0]) {
        coldCycles.push(
          await measureCycle(server, size, Math.max(15, Math.min(150, 60_000 / size)), true),
        );
      }
      if (!asJson) process.stderr.write('measured with the caches emptied\n');
    }
    const largest = SIZES[SIZES.length - 1] ?? 0;
    const capAnswer = await defaultClientReads(server, largest);
    figures.push({
      figure: `default client, ${largest.toLocaleString('en')} sessions`,
      value: `${capAnswer} (cap ${(DEFAULT_MAX_BODY_BYTES / 2 ** 20).toFixed(0)} MB)`,
      budget: 'read (cap ≥ 64 MB)',
      verdict: verdict(capAnswer === 'read' && DEFAULT_MAX_BODY_BYTES >= 64 * 2 ** 20),
    });
  } finally {
    await server.stop();
  }

  for (const r of cycles) {
    if (r.sessions !== 1000 && r.sessions !== 10_000) continue;
    const n = r.sessions.toLocaleString('en');
    const ring = ratio(r, 'wholeRing');
    const steady = ratio(r, 'wholeSteady');
    figures.push(
      {
        figure: `whole poll, one new ring, ${n}`,
        value: x(ring),
        budget: '≤ 2.00×',
        verdict: verdict(ring <= 2),
      },
      {
        figure: `whole poll, nothing changed, ${n}`,
        value: x(steady),
        budget: '≤ 1.30×',
        verdict: verdict(steady <= 1.3),
      },
    );
  }
  const small = cycles.find((r) => r.sessions === 100);
  const big = cycles[cycles.length - 1];
  const growthRows: string[][] = [];
  if (small && big && big !== small) {
    // What each step's growth is made of (docs/BENCHMARKS.md): the collector's pauses inside
    // it, and the CPU caches, which hold 100 calls' objects but not 10,000's.
    const growth = (key: string) => perSession(big, key) / perSession(small, key);
    const withoutGc = (r: CycleResult, key: string) =>
      ((r.ms[key] ?? NaN) - (r.gcMs[key] ?? 0)) / r.sessions;
    const [coldSmall, coldBig] = coldCycles;
    const coldGrowth = (key: string, of: (r: CycleResult, key: string) => number) =>
      coldSmall && coldBig ? x(of(coldBig, key) / of(coldSmall, key)) : '—';
    const floors = `JSON.parse ${x(growth('parse'))}`;
    for (const [key, label] of STEPS) {
      figures.push({
        figure: `linear: ${label}, per session ${big.sessions.toLocaleString('en')} ÷ 100`,
        value: `${x(growth(key))} (${floors})`,
        budget: '≤ 1.50×',
        verdict: verdict(growth(key) <= 1.5),
      });
    }
    for (const [key, label] of [...FLOORS, ...STEPS]) {
      const share = (big.gcMs[key] ?? 0) / (big.ms[key] ?? NaN);
      growthRows.push([
        label,
        x(growth(key)),
        x(withoutGc(big, key) / withoutGc(small, key)),
        coldGrowth(key, perSession),
        coldGrowth(key, withoutGc),
        `${(share * 100).toFixed(0)} %`,
      ]);
    }
  }

  const ledger = await measureLedger(quick ? 2000 : REMEMBERED, quick ? 5 : 25);
  const calls = ledger.remembered.toLocaleString('en');
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  figures.push(
    {
      figure: `ledger per poll, ${calls} remembered, nothing changed`,
      value: `cpu ${ms(ledger.steady.cpuMs)} (wall ${ms(ledger.steady.wallMs)})`,
      budget: '≤ 5 ms cpu',
      verdict: verdict(ledger.steady.cpuMs <= 5),
    },
    {
      figure: `ledger per poll, ${calls} remembered, one call ended`,
      value: `cpu ${ms(ledger.oneEnded.cpuMs)} (wall ${ms(ledger.oneEnded.wallMs)})`,
      // The poll does not wait for the disk (the writer's save is not awaited): its cost is
      // the work, the CPU time; the wall time adds the file system's own waits.
      budget: '≤ 5 ms cpu',
      verdict: verdict(ledger.oneEnded.cpuMs <= 5),
    },
    {
      figure: `ledger whole save, ${calls} (a start, a rewrite)`,
      value: ms(ledger.wholeSaveMs),
      budget: '',
      verdict: '',
    },
    { figure: `ledger load, ${calls}`, value: ms(ledger.loadMs), budget: '', verdict: '' },
  );

  // The built watch, as its bin runs: `npm run build` makes it; built here if missing.
  if (!builtWatchExists()) {
    execFileSync('npx', ['vite', 'build', '-c', 'watch.vite.config.ts', '--logLevel', 'error'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const idle = await measureIdle(quick ? 10 : 60);
  figures.push(
    {
      figure: `watch idle CPU, ${idle.calls} calls, ${idle.intervalMs / 1000} s interval, ${idle.seconds.toFixed(0)} s`,
      value: `${idle.cpuPercent.toFixed(2)} % of a core (${idle.polls} polls)`,
      budget: '≤ 0.5 %',
      verdict: verdict(idle.cpuPercent <= 0.5),
    },
    {
      figure: 'watch RSS (largest sample)',
      value: `${idle.maxRssMB.toFixed(1)} MB`,
      budget: '≤ 100 MB',
      verdict: verdict(idle.maxRssMB <= 100),
    },
  );
  if (!asJson) process.stderr.write('measured watch at rest\n');
  const latency = await measureLatency(quick ? 20 : 200);
  figures.push({
    figure: `alert latency, ${latency.intervalMs} ms interval, ${latency.calls} calls (arrival → ringing line)`,
    value: `p50 ${latency.p50Ms.toFixed(0)} ms, p95 ${latency.p95Ms.toFixed(0)} ms`,
    budget: '',
    verdict: '',
  });
  if (!asJson) process.stderr.write('measured alert latency\n');
  const window = await measureWindow(10);
  figures.push(
    {
      figure: 'window: 500 calls rendered, laid out and painted (median of 10, after a warm-up)',
      value: window.render500Ms
        ? `${window.render500Ms.median.toFixed(1)} ms`
        : `not measured: ${window.skipped ?? ''}`,
      budget: '≤ 50 ms',
      verdict: window.render500Ms ? verdict(window.render500Ms.median <= 50) : '',
    },
    {
      figure: 'window: the same, first push on a fresh page (the warm-up)',
      value: window.render500Ms ? `${window.render500Ms.firstMs.toFixed(1)} ms` : '',
      budget: '',
      verdict: '',
    },
    {
      figure: 'window JS, gzipped',
      value: `${window.scriptGzipKB.toFixed(1)} KB`,
      budget: '≤ 40 KB',
      verdict: verdict(window.scriptGzipKB <= 40),
    },
  );

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`;
  if (asJson) {
    console.log(
      JSON.stringify(
        { quick, machine, cycles, coldCycles, ledger, idle, latency, window, figures },
        null,
        2,
      ),
    );
    return;
  }
  console.log(`${quick ? 'Quick run' : 'Full run'} on ${machine}\n`);
  const sizes = cycles.map((r) => r.sessions.toLocaleString('en'));
  printTable([
    ['sessions', ...sizes],
    ['body', ...cycles.map((r) => `${(r.bodyBytes / 2 ** 20).toFixed(2)} MB`)],
    ['JSON.parse (the floor)', ...cycles.map((r) => `${(r.ms['parse'] ?? NaN).toFixed(2)} ms`)],
    ...STEPS.map(([key, label]) => [label, ...cycles.map((r) => x(ratio(r, key)))]),
    ['client read (whole − parse − normalize − decide)', ...cycles.map((r) => x(clientRead(r)))],
  ]);
  console.log('\nSteps as a ratio to JSON.parse of the same body (medians).\n');
  if (growthRows.length > 0) {
    const big = cycles[cycles.length - 1]?.sessions.toLocaleString('en') ?? '';
    printTable([
      [
        `per session, ${big} ÷ 100`,
        'measured',
        "without the collector's pauses",
        'caches emptied before each step',
        'both',
        `GC share at ${big}`,
      ],
      ...growthRows,
    ]);
    console.log(
      "\nThe collector's pauses are V8's own reports (perf_hooks 'gc') that fell inside a step.\n",
    );
  }
  printTable([
    ['figure', 'measured', 'budget', 'verdict'],
    ...figures.map((f) => [f.figure, f.value, f.budget, f.verdict]),
  ]);
  if (quick) console.log('\n--quick: small sizes and few rounds; the budgets are for a full run.');
}

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

await main();
