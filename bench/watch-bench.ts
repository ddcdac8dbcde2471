// The built `watch` (out/cli/watch.js, as its bin runs) against the simulator, in a process of
// its own: idle CPU and RSS over a window with 10 calls at the default interval, and the
// alert latency at a 250 ms interval (from a call's arrival on the server to its ringing line
// on watch's stdout).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator } from '../main/simulator/server.js';
import type { Simulator } from '../main/simulator/types.js';
import { median } from './measure.js';

export const BUILT_WATCH = 'out/cli/watch.js';
/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every Linux port). */
const TICKS_PER_SECOND = 100;

export interface IdleResult {
  seconds: number;
  calls: number;
  intervalMs: number;
  /** Percent of one core, user + system, over the window. */
  cpuPercent: number;
  /** Largest resident set seen (sampled every second), MB. */
  maxRssMB: number;
  polls: number;
}

export interface LatencyResult {
  calls: number;
  intervalMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

interface Running {
  child: ChildProcess;
  lines: string[];
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  stop(): Promise<number | null>;
}

/** The first line from now on (or already read) that matches; an error with watch's stderr. */
function waitForLine(
  lines: readonly string[],
  waiters: Set<() => void>,
  stderr: () => string,
  match: (line: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let from = 0;
    const check = () => {
      for (; from < lines.length; from++) {
        const line = lines[from] ?? '';
        if (match(line)) {
          done();
          return resolve(line);
        }
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`watch: no expected line within ${timeoutMs} ms\n${stderr()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}

function startBuiltWatch(sim: Simulator, args: string[]): Running {
  const user = sim.users[0];
  if (!user) throw new Error('the simulator has no users');
  const child = spawn(
    process.execPath,
    [BUILT_WATCH, '--server', sim.url, '--user', user.username, ...args],
    { env: { ...process.env, EVO_PASSWORD: user.password }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    lines,
    waitForLine: (match, timeoutMs) => waitForLine(lines, waiters, () => stderr, match, timeoutMs),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isOnline = (line: string) =>
  line.includes('"event":"connection"') && line.includes('"online"');

export function builtWatchExists(): boolean {
  return existsSync(BUILT_WATCH);
}

export async function measureIdle(seconds: number, calls = 10): Promise<IdleResult> {
  const sim = await startSimulator();
  const dir = await mkdtemp(join(tmpdir(), 'evo-bench-watch-'));
  try {
    // Answered calls: a ringing or queued one makes watch poll every second (the ringing
    // interval), which is not the default interval this budget is for.
    for (let i = 0; i < calls; i++) sim.calls.answer(sim.calls.arrive().id);
    const watch = startBuiltWatch(sim, ['--state-dir', dir]);
    const pid = watch.child.pid;
    if (pid === undefined) throw new Error('watch did not start');
    await watch.waitForLine(isOnline, 20_000);
    await sleep(3000); // past start-up: its first lookups, the ledger's first save
    const polls = () => sim.requests.filter((r) => r.path === '/sessions/my').length;
    const pollsBefore = polls();
    const ticks = cpuTicks(pid);
    const started = performance.now();
    let maxRss = rssMB(pid);
    while (performance.now() - started < seconds * 1000) {
      await sleep(1000);
      maxRss = Math.max(maxRss, rssMB(pid));
    }
    const cpuSeconds = (cpuTicks(pid) - ticks) / TICKS_PER_SECOND;
    const wallSeconds = (performance.now() - started) / 1000;
    const result = {
      seconds: wallSeconds,
      calls,
      intervalMs: 3000,
      cpuPercent: (100 * cpuSeconds) / wallSeconds,
      maxRssMB: maxRss,
      polls: polls() - pollsBefore,
    };
    await watch.stop();
    return result;
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureLatency(count: number, intervalMs = 250): Promise<LatencyResult> {
  const sim = await startSimulator();
  try {
    const watch = startBuiltWatch(sim, ['--interval-ms', String(intervalMs)]);
    await watch.waitForLine(isOnline, 20_000);
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      // Arrivals spread over the poll cycle, as calls come in life.
      await sleep(Math.random() * intervalMs);
      const start = performance.now();
      const call = sim.calls.arrive();
      const id = JSON.stringify(call.id);
      await watch.waitForLine(
        (line) => line.includes('"event":"ringing"') && line.includes(`"sessionId":${id}`),
        10_000,
      );
      latencies.push(performance.now() - start);
      sim.calls.end(call.id);
    }
    await watch.stop();
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    return { calls: count, intervalMs, p50Ms: median(latencies), p95Ms: at(0.95), maxMs: at(1) };
  } finally {
    await sim.stop();
  }
}
