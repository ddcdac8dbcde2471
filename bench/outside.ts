// A poll's cost as an observer outside the process sees it (docs/BENCHMARKS.md): the built
// watch, a plain fetch + json() client and JSON.parse alone, each a process of its own, against
// a loopback server in a process of its own (regime-server-process.ts) answering realistic calls
// in four regimes (regimes.ts). Each program's CPU (every thread's, the collector's included,
// read from /proc) over a window of many polls after warm-up polls, divided by its polls.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import type { ProgramWindow, RegimeRun } from './outside-math.js';
import { REGIMES, type Regime } from './regimes.js';
import { BUILT_WATCH } from './watch-bench.js';

/** How many polls at one size: untimed first (start-up, V8's compiling), then timed. */
export interface OutsideSize {
  sessions: number;
  warmup: number;
  polls: number;
}

export interface OutsideResult {
  /** The pause between polls, the same for the three programs (watch's --interval-ms). */
  pauseMs: number;
  runs: RegimeRun[];
}

const CLIENT = fileURLToPath(new URL('./outside-client.ts', import.meta.url));
const PROGRAMS = ['watch', 'plain', 'parse'] as const;
type Program = (typeof PROGRAMS)[number];

/**
 * A process's CPU in ms, every thread's (V8's helper threads collect too): each thread's run
 * time in ns from schedstat; /proc/<pid>/stat's ticks (10 ms) where schedstat is missing.
 */
export function cpuMsOf(pid: number): number {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // A thread that ended in between: its time is not ours to count any more.
      }
    }
    if (ns > 0) return ns / 1e6;
  } catch {
    // No schedstat here: the process's ticks.
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The largest resident set the process has had (VmHWM), MB. */
function peakRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

interface Server {
  url: string;
  bodyBytes: number[];
  /** Told of each `GET /sessions/my`, with the user that asked. */
  onPoll: (listener: (user: string) => void) => () => void;
  stop(): Promise<void>;
}

async function startServer(sessions: number): Promise<Server> {
  const child = fork(new URL('./regime-server-process.ts', import.meta.url), [String(sessions)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listeners = new Set<(user: string) => void>();
  const ready = new Promise<{ port: number; bodyBytes: number[] }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
    child.on('message', (m: { poll?: string; port?: number; bodyBytes?: number[] }) => {
      if (m.poll !== undefined) for (const l of listeners) l(m.poll);
      else if (m.port !== undefined) resolve({ port: m.port, bodyBytes: m.bodyBytes ?? [] });
    });
  });
  const { port, bodyBytes } = await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    bodyBytes,
    onPoll(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A program running, and what it said on stderr lately (for an error). */
interface Running {
  child: ChildProcess;
  stderr: () => string;
}

function run(command: string[], env: NodeJS.ProcessEnv = process.env): Running {
  const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  return { child, stderr: () => stderr };
}

function startPrograms(url: string, k: number, pauseMs: number, stateDir: string) {
  const client = (mode: string) =>
    run(['--import', 'tsx', CLIENT, mode, url, `${mode}-${k}`, `${pauseMs}`]);
  return {
    watch: run(
      [
        BUILT_WATCH,
        ...['--server', url, '--user', `watch-${k}`, '--state-dir', stateDir],
        // Every poll after the same pause, whether a call rings or not (the shorter one wins).
        ...['--interval-ms', `${pauseMs}`, '--ringing-interval-ms', '500'],
        ...['--request-timeout-ms', '300000'],
      ],
      { ...process.env, EVO_PASSWORD: 'bench-password' },
    ),
    plain: client('plain'),
    parse: client('parse'),
  } satisfies Record<Program, Running>;
}

/**
 * The window of one program: its CPU read as its first poll after the `warmup` ones starts, and
 * again `polls` polls later, so exactly `polls` polls (and their pauses) fall inside.
 */
function windowOf(running: Running, size: OutsideSize, timeoutMs: number) {
  let seen = 0;
  let startMs = 0;
  let poll = () => {};
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<ProgramWindow>((resolve, reject) => {
    const pid = running.child.pid ?? -1;
    timer = setTimeout(() => fail('no end of its window'), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`outside bench: ${why}\n${running.stderr()}`));
    };
    running.child.once('exit', (code) => fail(`a program exited (${code})`));
    poll = () => {
      seen++;
      if (seen === size.warmup + 1) startMs = cpuMsOf(pid);
      if (seen !== size.warmup + size.polls + 1) return;
      clearTimeout(timer);
      resolve({ polls: size.polls, cpuMs: cpuMsOf(pid) - startMs, peakRssMB: peakRssMB(pid) });
    };
  });
  // Once another program failed, this one's end is not awaited: its failure is not news.
  done.catch(() => {});
  return { poll: () => poll(), done, cancel: () => clearTimeout(timer) };
}

async function measureRegime(
  server: Server,
  size: OutsideSize,
  k: number,
  pauseMs: number,
): Promise<Record<Program, ProgramWindow>> {
  const stateDir = await mkdtemp(join(tmpdir(), 'evo-bench-outside-'));
  const programs = startPrograms(server.url, k, pauseMs, stateDir);
  const timeoutMs = 60_000 + (size.warmup + size.polls) * size.sessions;
  const windows = {
    watch: windowOf(programs.watch, size, timeoutMs),
    plain: windowOf(programs.plain, size, timeoutMs),
    parse: windowOf(programs.parse, size, timeoutMs),
  };
  const off = server.onPoll((user) => {
    if (user === `watch-${k}`) windows.watch.poll();
    if (user === `plain-${k}`) windows.plain.poll();
  });
  programs.parse.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === '\n') windows.parse.poll();
  });
  try {
    const [watch, plain, parse] = await Promise.all([
      windows.watch.done,
      windows.plain.done,
      windows.parse.done,
    ]);
    return { watch, plain, parse };
  } finally {
    off();
    for (const p of PROGRAMS) {
      windows[p].cancel();
      programs[p].child.removeAllListeners('exit');
      programs[p].child.kill('SIGKILL');
    }
    await rm(stateDir, { recursive: true, force: true });
  }
}

/**
 * Every regime at every size, the three programs of a regime side by side in the same window
 * (so they meet the same load on a shared machine), each regime with fresh processes.
 */
export async function measureOutside(
  sizes: readonly OutsideSize[],
  pauseMs: number,
  progress: (line: string) => void,
): Promise<OutsideResult> {
  const runs: RegimeRun[] = [];
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  for (const size of sizes) {
    const server = await startServer(size.sessions);
    try {
      for (const [k, regime] of REGIMES.entries()) {
        const programs = await measureRegime(server, size, k, pauseMs);
        const bodyBytes = server.bodyBytes[k] ?? 0;
        runs.push({
          sessions: size.sessions,
          regime: regime satisfies Regime,
          bodyBytes,
          ...programs,
        });
        progress(`measured from outside: ${size.sessions} calls, ${regime} (${elapsed()})`);
      }
    } finally {
      await server.stop();
    }
  }
  return { pauseMs, runs };
}
