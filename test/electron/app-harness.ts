// Starts the built app under the fake electron in a child process (driver.ts) and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Settings } from '../../main/boundary/contract.js';
import type { Recording } from './fake-electron.js';

const DRIVER = resolve(import.meta.dirname, 'driver.ts');

export interface LaunchOptions {
  /** Written as the settings file before the app starts. */
  settings?: Partial<Settings>;
  argv?: string[];
  /** Another instance already holds the single-instance lock. */
  lockTaken?: boolean;
  /** Reuse a data folder (a restart); otherwise a fresh temp folder. */
  userData?: string;
  /** What process.platform says in the app (default: this machine's). */
  platform?: 'linux' | 'darwin' | 'win32';
  /** The OS's notifications (default supported): see FakeOptions.notifications. */
  notifications?: 'supported' | 'unsupported' | 'failing';
  /** Extra environment for the app process. */
  env?: Record<string, string>;
  /**
   * Run the app without the capabilities that let root read and write any file (Linux, with
   * setpriv): file permissions are then real even as root, and the app still reads the checkout.
   */
  withoutFileOverride?: boolean;
}

/** Root reads any file; without these two capabilities its children obey file modes. */
const NO_FILE_OVERRIDE = [
  '--inh-caps=-dac_override,-dac_read_search',
  '--bounding-set=-dac_override,-dac_read_search',
];

export type RunningApp = Awaited<ReturnType<typeof launchApp>>;

/** The app's answer to a request; a failure keeps its error's message and class name. */
type Reply = { ok: boolean; value?: unknown; error?: string; name?: string };

export async function launchApp(options: LaunchOptions = {}) {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'evo-app-'));
  if (options.settings) {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify(options.settings));
  }
  const dropOverride = options.withoutFileOverride === true && process.getuid?.() === 0;
  const child: ChildProcess = fork(DRIVER, options.argv ?? [], {
    // setpriv execs node in place, so the IPC channel's descriptor is inherited as with fork.
    ...(dropOverride
      ? {
          execPath: 'setpriv',
          execArgv: [...NO_FILE_OVERRIDE, process.execPath, '--import', 'tsx'],
        }
      : { execArgv: ['--import', 'tsx'] }),
    env: {
      ...process.env,
      EVO_FAKE_USER_DATA: userData,
      ...(options.lockTaken ? { EVO_FAKE_LOCK: 'taken' } : {}),
      ...(options.platform ? { EVO_FAKE_PLATFORM: options.platform } : {}),
      ...(options.notifications ? { EVO_FAKE_NOTIFICATIONS: options.notifications } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  let nextId = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  const ready = new Promise<void>((resolveReady, reject) => {
    child.on('message', (m: { ready?: boolean; id?: number; ok: boolean }) => {
      if (m.ready) resolveReady();
      else if (m.id !== undefined) pending.get(m.id)?.(m);
    });
    child.on('exit', (code) =>
      reject(new Error(`The app exited (${code}) before it was ready:\n${output}`)),
    );
  });
  await ready;

  async function request<T = unknown>(command: Record<string, unknown>): Promise<T> {
    const id = ++nextId;
    const reply = await new Promise<Reply>((done) => {
      pending.set(id, done);
      child.send({ id, ...command });
    });
    pending.delete(id);
    if (!reply.ok) {
      throw Object.assign(new Error(reply.error), reply.name ? { name: reply.name } : {});
    }
    return reply.value as T;
  }

  const recording = () => request<Recording>({ cmd: 'recording' });

  return {
    userData,
    recording,
    request,
    invoke: (
      channel: string,
      args: unknown[] = [],
      from: 'window' | 'incoming' | 'foreign' = 'window',
    ) => request({ cmd: 'invoke', channel, args, from }),
    output: () => output,
    /** Waits until the recording satisfies `check`; fails with what was last seen. */
    async waitFor(what: string, check: (r: Recording) => boolean, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let last = await recording();
      while (!check(last)) {
        if (Date.now() > deadline) {
          throw new Error(
            `Timed out waiting for ${what}. Last seen:\n${JSON.stringify(last, null, 1).slice(0, 3000)}\n${output.slice(-2000)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
        last = await recording();
      }
      return last;
    },
    async stop(removeData = options.userData === undefined) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      if (removeData) rmSync(userData, { recursive: true, force: true });
    },
  };
}
