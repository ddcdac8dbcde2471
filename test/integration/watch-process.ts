// Runs `watch` as a child process and reads its stdout line by line, with deadlines, so the
// integration tests wait for what they expect instead of sleeping.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WatchEvent } from '../../main/watch/events.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WatchProcess {
  /** Every stdout line so far, parsed (a line that is not JSON fails the wait). */
  readonly events: WatchEvent[];
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** How many events have arrived: pass it to `waitFor` to wait for a later one. */
  mark(): number;
  /** The first event at or after `since` that matches, within `timeoutMs`. */
  waitFor(
    what: string,
    match: (event: WatchEvent) => boolean,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<WatchEvent>;
  /** The exit status once its output is closed, or null when a signal ended it. */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Closes our end of its stdout, as `| head -1` does after one line. */
  closeStdout(): void;
  /** The process started (npm's, for 'npm'). */
  readonly pid: number | undefined;
}

/**
 * How to start it: tsx directly, exactly as the docs say for development (`npm run --silent
 * watch --`), or the built one (`npm run build` first) with plain node, as its bin runs.
 */
export type Launch = 'tsx' | 'npm' | 'built';

/** The built `watch`, as package.json's bin names it. */
export const BUILT_WATCH = 'out/cli/watch.js';

export function startWatch(
  args: string[],
  env: Record<string, string> = {},
  launch: Launch = 'tsx',
): WatchProcess {
  const [command, commandArgs] =
    launch === 'npm'
      ? ['npm', ['run', '--silent', 'watch', '--', ...args]]
      : launch === 'built'
        ? [process.execPath, [BUILT_WATCH, ...args]]
        : [process.execPath, ['--import', 'tsx', 'main/cli/watch.ts', ...args]];
  // npm does not pass signals on to the script it runs: like a terminal's Ctrl-C, the test
  // signals npm's whole process group.
  const group = launch === 'npm';
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { ...process.env, EVO_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  let out = '';
  let err = '';
  let partial = '';
  const events: WatchEvent[] = [];
  const waiters = new Set<() => void>();
  let broken: Error | undefined;

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        events.push(JSON.parse(line) as WatchEvent);
      } catch {
        broken = new Error(`stdout line is not JSON: ${line}`);
      }
    }
    waiters.forEach((wake) => wake());
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  // 'close', not 'exit': the last stderr lines of a process group may come after npm's exit.
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      waiters.forEach((wake) => wake());
      resolve(code);
    });
  });

  return {
    events,
    stdout: () => out,
    stderr: () => err,
    mark: () => events.length,
    waitFor(what, match, { since = 0, timeoutMs = 8000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (broken) return finish(() => reject(broken));
          const found = events.slice(since).find(match);
          if (found) return finish(() => resolve(found));
          if (child.exitCode !== null) {
            finish(() => reject(new Error(`watch exited before ${what}.\nstderr:\n${err}`)));
          }
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new Error(`no ${what} within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`),
              ),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    exited,
    kill: (signal) => {
      if (group && child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    },
    closeStdout: () => child.stdout.destroy(),
    pid: child.pid,
  };
}

export const isSession =
  (event: WatchEvent['event'], sessionId: string, extra: (e: WatchEvent) => boolean = () => true) =>
  (e: WatchEvent): boolean =>
    e.event === event && 'sessionId' in e && e.sessionId === sessionId && extra(e);

export const isConnection =
  (status: string) =>
  (e: WatchEvent): boolean =>
    e.event === 'connection' && e.status === status;
