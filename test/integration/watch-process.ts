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
  /** The exit status, or null when a signal ended it. */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

export function startWatch(args: string[], env: Record<string, string> = {}): WatchProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/watch.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, EVO_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
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
    kill: (signal) => child.kill(signal),
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
