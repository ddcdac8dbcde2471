// The BUILT main bundle (out/main/index.js; `npx electron-vite build` first) under the fake
// electron, against the simulator: what the agent sees in the tray, the notifications and the
// window, and what the window may and may not ask for.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { launchApp, type RunningApp } from './app-harness.js';
import { AGENT, lastState, mainWindows, menuLabels, polls, signIns, trayIcon } from './scenario.js';

let sim: Simulator | null = null;
let app: RunningApp | null = null;

beforeAll(() => {
  if (!existsSync(resolve(import.meta.dirname, '../../out/main/index.js'))) {
    throw new Error('Build the app first: npx electron-vite build');
  }
});

afterEach(async () => {
  await app?.stop();
  await sim?.stop();
  app = null;
  sim = null;
});

/** A first run (no account yet): the window opens, and the agent signs in through it. */
async function signedInApp(
  remember = true,
  pollIntervalMs = 1000,
): Promise<{ app: RunningApp; sim: Simulator }> {
  sim = await startSimulator();
  app = await launchApp({ settings: { pollIntervalMs } });
  await app.waitFor('the sign-in window', (r) => r.windows.length === 1);
  const result = await app.invoke(IPC.signIn, [
    { server: sim.url, username: AGENT.username, password: AGENT.password, remember },
  ]);
  expect(result).toEqual({ ok: true });
  await app.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
  return { app, sim };
}

describe('the built app under the fake electron', () => {
  it('starts, signs in through the window and goes online against the simulator', async () => {
    const { app, sim } = await signedInApp();
    // The agent's state is read right after the first poll.
    const r = await app.waitFor('the agent state', (x) => lastState(x)?.agent !== undefined);
    expect(lastState(r)?.account).toMatchObject({ status: 'signed-in', demo: false });
    expect(trayIcon(r)).toMatch(/linux\/idle\.png$/);
    expect(r.missingImages).toEqual([]);
    expect(r.tooltip).toBe('Evo Voice · Ready · no calls');
    expect(r.windows[0]?.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    expect(r.windows[0]?.url).toBe('app://tray/index.html#/calls');
    expect(r.windows[0]?.served).toMatchObject({
      status: 200,
      contentType: expect.stringMatching(/^text\/html/),
    });

    // Nothing changed in two polls: the tray menu is not rebuilt.
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect((await app.recording()).menuBuilds).toBe(r.menuBuilds);
  });

  it('a call put on hold replaces its ringing notification', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await app.waitFor('the ring', (r) => r.notifications.length === 1);
    sim.calls.answer(call.id);
    sim.calls.hold(call.id, 'Sales Hold');
    const r = await app.waitFor('the hold', (x) => x.notifications.length === 2);
    expect(r.notifications.map((n) => [n.title.replace(/ \(.*\)/, ''), n.closed])).toEqual([
      ['Grace Hopper is calling', true],
      ['Grace Hopper is on hold', false],
    ]);
  });

  it('remembers where the window was when it closes', async () => {
    const { app } = await signedInApp();
    await app.request({ cmd: 'closeWindow' });
    const file = JSON.parse(
      readFileSync(join(app.userData, 'settings.json'), 'utf8'),
    ) as WindowState['settings'];
    expect(file.windowBounds).toEqual({
      x: expect.any(Number),
      y: expect.any(Number),
      width: 420,
      height: 600,
    });
  });

  it('stops polling while the machine sleeps', async () => {
    const { app, sim } = await signedInApp();
    await app.request({ cmd: 'power', event: 'suspend' });
    const asleep = polls(sim).length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(polls(sim).length).toBe(asleep);
  });

  it('polls on waking, without waiting for the next interval', async () => {
    // Checking once a minute: a poll within the wait's limit can only be the one waking starts
    // (no race against the clock on a loaded machine).
    const { app, sim } = await signedInApp(true, 60_000);
    await app.request({ cmd: 'power', event: 'suspend' });
    const asleep = polls(sim).length;
    await app.request({ cmd: 'power', event: 'resume' });
    await app.waitFor('a poll on waking', () => polls(sim).length > asleep);
  });

  it('starts with an unreadable settings file, keeping a copy of it', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'evo-app-'));
    writeFileSync(join(userData, 'settings.json'), '{ "pollIntervalMs": 5, "sound": "loud" ');
    app = await launchApp({ userData });
    await app.waitFor('the window', (x) => x.windows.length === 1);
    const state = (await app.invoke(IPC.getState)) as WindowState;
    expect(state.settings).toMatchObject({ pollIntervalMs: 3000, sound: true });
    expect(readFileSync(join(userData, 'settings.json.bad'), 'utf8')).toContain('"loud"');
    await app.stop();
    rmSync(userData, { recursive: true, force: true });
  });

  it('a call rings: one notification, the ringing icon, a menu entry; clicking opens its details', async () => {
    const { app, sim } = await signedInApp();
    await app.request({ cmd: 'closeWindow' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const ringing = await app.waitFor('the ring', (r) => r.notifications.length > 0);
    expect(ringing.notifications).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Grace Hopper .* is calling$/),
        closed: false,
      }),
    ]);
    expect(trayIcon(ringing)).toMatch(/ringing\.png$/);
    expect(menuLabels(ringing.menu).some((l) => l.startsWith('Grace Hopper'))).toBe(true);

    // Still ringing two polls later: still one notification.
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect((await app.recording()).notifications).toHaveLength(1);

    await app.request({ cmd: 'clickNotification', index: 0 });
    const opened = await app.waitFor(
      'the window',
      (r) => mainWindows(r).length === 2 && mainWindows(r).at(-1)?.shown === true,
    );
    expect(mainWindows(opened).at(-1)?.hash).toBe(`#/sessions/${call.id}`);
    expect(mainWindows(opened).at(-1)?.focusCount).toBeGreaterThan(0);

    await app.request({ cmd: 'closeWindow' });
    // The call is a submenu (its actions); its first item opens the details.
    await app.request({ cmd: 'clickMenu', label: 'Details…' });
    const fromMenu = await app.waitFor('the window again', (r) => mainWindows(r).length === 3);
    expect(mainWindows(fromMenu).at(-1)?.hash).toBe(`#/sessions/${call.id}`);
  });

  it('the session expires: a silent sign-in, and the ringing call does not alert again', async () => {
    const { app, sim } = await signedInApp(true);
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    await app.waitFor('the ring', (r) => r.notifications.length === 1);
    sim.faults.expireSessions();
    const before = polls(sim).filter((p) => p.status === 200).length;
    await app.waitFor('a re-sign-in and a good poll', () => {
      return (
        signIns(sim).length === 2 && polls(sim).filter((p) => p.status === 200).length > before
      );
    });
    const r = await app.recording();
    expect(r.notifications).toHaveLength(1);
    expect(lastState(r)?.account.status).toBe('signed-in');
  });

  it('a password changed on the server: signed out, told once, never retried', async () => {
    const { app, sim } = await signedInApp(true);
    const user = sim.users.find((u) => u.username === AGENT.username);
    if (!user) throw new Error('no demo user');
    user.password = 'changed-by-the-admin';
    sim.faults.expireSessions();
    const out = await app.waitFor(
      'signed out',
      (r) => lastState(r)?.account.status === 'signed-out',
    );
    expect(trayIcon(out)).toMatch(/signed-out\.png$/);
    const seen = sim.requests.length;
    // Give it time to misbehave: several poll intervals pass without any request.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sim.requests.length).toBe(seen);
    expect(signIns(sim)).toHaveLength(2);
    const r = await app.recording();
    expect(r.notifications.filter((n) => /signed out/i.test(n.title))).toHaveLength(1);
  });

  it('a second start focuses the first instance', async () => {
    const { app } = await signedInApp();
    await app.request({ cmd: 'closeWindow' });
    await app.request({ cmd: 'secondInstance' });
    const r = await app.waitFor('the window', (x) => x.windows.at(-1)?.shown === true);
    expect(r.windows.at(-1)?.destroyed).toBe(false);
    expect(r.windows.at(-1)?.focusCount).toBeGreaterThan(0);
  });

  it('the second instance itself quits at once', async () => {
    app = await launchApp({ lockTaken: true });
    const r = await app.recording();
    expect(r.quit).toBe(true);
    expect(r.trayImages).toEqual([]);
    expect(r.handlers.filter((channel) => channel.startsWith('evo:'))).toEqual([]);
  });
});

describe('IPC from the window', () => {
  it('refuses every channel to a frame that is not our window', async () => {
    const { app } = await signedInApp();
    for (const channel of [IPC.getState, IPC.signOut, IPC.copyText]) {
      await expect(app.invoke(channel, ['x'], 'foreign')).rejects.toThrow(/Refused/);
    }
    const r = await app.recording();
    expect(r.clipboard).toEqual([]);
    expect(lastState(r)?.account.status).toBe('signed-in');
  });

  it('rejects bad arguments with a message and changes nothing', async () => {
    const { app } = await signedInApp();
    await expect(app.invoke(IPC.openSession, [42])).rejects.toThrow(/session id/);
    await expect(app.invoke(IPC.pauseAlerts, [-5])).rejects.toThrow(/minutes/);
    await expect(app.invoke(IPC.signIn, [{ server: 1 }])).rejects.toThrow(/remember/);
    await expect(app.invoke(IPC.updateSettings, [{ pollIntervalMs: 5 }])).rejects.toThrow(
      'Poll interval must be between 1 and 60 seconds (got 0.005).',
    );
    await expect(app.invoke(IPC.updateSettings, [{ password: 'x' }])).rejects.toThrow(/keychain/);
    const state = (await app.invoke(IPC.getState)) as WindowState;
    expect(state.settings.pollIntervalMs).toBe(1000);
  });

  it('applies a settings change at once and pushes the new state', async () => {
    const { app } = await signedInApp();
    const settings = await app.invoke(IPC.updateSettings, [{ sound: false }]);
    expect(settings).toMatchObject({ sound: false });
    await app.waitFor('the push', (r) => lastState(r)?.settings.sound === false);
  });
});

describe('the demo (npm start -- --demo)', () => {
  it('shows ringing, held and missed calls within simulated seconds', async () => {
    app = await launchApp({ argv: ['--demo'], settings: { pollIntervalMs: 1000 } });
    const r = await app.waitFor(
      'ringing, held and missed',
      (x) =>
        x.notifications.some((n) => n.title.endsWith(' is calling')) &&
        x.notifications.some((n) => n.title.endsWith(' is on hold')) &&
        x.notifications.some((n) => n.title.startsWith('Missed')) &&
        x.trayImages.some((p) => /on-hold-missed\.png$/.test(p)),
      25_000,
    );
    expect(r.trayImages.some((p) => /ringing(-missed)?\.png$/.test(p))).toBe(true);
  }, 40_000);
});
