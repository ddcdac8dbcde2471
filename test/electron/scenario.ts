// Shared steps for the built-app suites: a simulator, the app signed in to it, what the agent
// sees (the last state pushed to the window, the tray icon, the menu), and the clean-up.
import { expect } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import { DEMO_USERS, startSimulator } from '../../main/simulator/server.js';
import type { Simulator, SimulatorOptions } from '../../main/simulator/types.js';
import { launchApp, type LaunchOptions, type RunningApp } from './app-harness.js';
import type { Recording } from './fake-electron.js';

export const AGENT = DEMO_USERS[0] ?? { username: '', password: '', id: '' };

export const lastState = (r: Recording): WindowState | undefined =>
  r.windows
    .flatMap((w) => w.pushes)
    .filter((p) => p.channel === IPC.state)
    .at(-1)?.payload as WindowState | undefined;
/** The hidden ring page, loaded from app://tray/ring/index.html. */
const isRingPage = (w: Recording['windows'][number]) =>
  /\/ring\/index\.html$/.test(w.url ?? w.file ?? '');
/** The main window's records: not the hidden ring page, not the incoming-call window. */
export const mainWindows = (r: Recording) =>
  r.windows.filter((w) => !isRingPage(w) && w.hash !== '#/incoming');
export const ringPage = (r: Recording) => r.windows.find(isRingPage);
export const trayIcon = (r: Recording) => r.trayImages.at(-1) ?? '';
export const signIns = (s: Simulator) =>
  s.requests.filter((q) => q.path.startsWith('/auth/credentials'));
export const polls = (s: Simulator) => s.requests.filter((q) => q.path === '/sessions/my');
export const menuLabels = (items: Recording['menu']): string[] =>
  items.flatMap((i) => [i.label ?? '', ...menuLabels(i.submenu ?? [])]);
export const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

const running: { stop(): Promise<void> }[] = [];

/** For afterEach: stops every app and simulator started through this module. */
export async function stopAll(): Promise<void> {
  for (const thing of running.splice(0).reverse()) await thing.stop();
}

export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

export async function launch(options: LaunchOptions = {}): Promise<RunningApp> {
  const app = await launchApp(options);
  running.push(app);
  return app;
}

/** A first run: the window opens, and the agent signs in through it; polls every second. */
export async function signedInApp(
  options: LaunchOptions & { remember?: boolean } = {},
): Promise<{ app: RunningApp; sim: Simulator }> {
  const sim = await simulator();
  const { remember = true, ...launchOptions } = options;
  const app = await launch({ settings: { pollIntervalMs: 1000 }, ...launchOptions });
  await app.waitFor('the sign-in window', (r) => r.windows.length === 1);
  const result = await app.invoke(IPC.signIn, [
    { server: sim.url, username: AGENT.username, password: AGENT.password, remember },
  ]);
  expect(result).toEqual({ ok: true });
  await app.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
  return { app, sim };
}
