// Ringing in the BUILT app under the fake electron, against the simulator: the call card's
// options on each platform, the card closing when its call stops ringing, the summary card, the
// ring page told play then stop, the incoming-call window when cards cannot show, the shortcut.
import { afterEach, describe, expect, it } from 'vitest';
import { IPC } from '../../main/boundary/contract.js';
import type { RunningApp } from './app-harness.js';
import type { NotificationRecord, Recording, WindowRecord } from './fake-electron.js';
import {
  AGENT,
  lastState,
  mainWindows,
  polls,
  ringPage,
  signedInApp,
  stopAll,
} from './scenario.js';

afterEach(stopAll);

const cardsCalling = (r: Recording) =>
  r.notifications.filter((n) => n.title.endsWith(' is calling'));
const open = (r: Recording) => r.notifications.filter((n) => !n.closed);
const ringCommands = (r: Recording) =>
  (ringPage(r)?.pushes ?? []).filter((p) => p.channel === 'ring:command').map((p) => p.payload);
const incomingWindow = (r: Recording): WindowRecord | undefined =>
  r.windows.find((w) => w.hash === '#/incoming' && !w.destroyed);

async function ringingCard(app: RunningApp): Promise<NotificationRecord> {
  const r = await app.waitFor('the ringing card', (x) => cardsCalling(x).length === 1);
  return cardsCalling(r)[0] as NotificationRecord;
}

describe('the ringing card stays up, per platform', () => {
  it('Linux: critical urgency; silent, because the ring page rings', async () => {
    const { app, sim } = await signedInApp({ platform: 'linux' });
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    const card = await ringingCard(app);
    expect(card.options).toMatchObject({ urgency: 'critical', silent: true });
    expect(card.options['timeoutType']).toBeUndefined();
  });

  it('Windows: never times out, an incomingCall toast; its Open opens the call', async () => {
    const { app, sim } = await signedInApp({ platform: 'win32' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const card = await ringingCard(app);
    expect(card.options['timeoutType']).toBe('never');
    const xml = String(card.options['toastXml']);
    expect(xml).toContain('<toast scenario="incomingCall"');
    expect(xml).toContain('Grace Hopper');
    expect(xml).toContain('<action content="Open"');
    expect(xml).toContain('<action content="Decline"'); // wired to the call action
    const args = /launch="([^"]*)"/.exec(xml)?.[1]?.replace(/&amp;/g, '&') ?? '';
    await app.request({ cmd: 'closeWindow' });
    await app.request({ cmd: 'activateToast', arguments: args });
    const r = await app.waitFor('the window on the call', (x) =>
      // Shown once its page is served (ready-to-show).
      mainWindows(x).some((w) => !w.destroyed && w.hash === `#/sessions/${call.id}` && w.shown),
    );
    expect(mainWindows(r).at(-1)?.shown).toBe(true);
  });

  it('macOS: an Open action that opens the call', async () => {
    const { app, sim } = await signedInApp({ platform: 'darwin' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const card = await ringingCard(app);
    expect(card.options['actions']).toEqual([
      { type: 'button', text: 'Open' },
      { type: 'button', text: 'Decline' },
    ]);
    await app.request({ cmd: 'closeWindow' });
    const index = (await app.recording()).notifications.findIndex((n) => n.title === card.title);
    await app.request({ cmd: 'notificationAction', index, actionIndex: 0 });
    await app.waitFor('the window on the call', (x) =>
      mainWindows(x).some((w) => !w.destroyed && w.hash === `#/sessions/${call.id}`),
    );
  });
});

describe("the card's Decline", () => {
  it('macOS: declines the call on the server (the button is the confirmation); no missed alert', async () => {
    const { app, sim } = await signedInApp({ platform: 'darwin' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const card = await ringingCard(app);
    const index = (await app.recording()).notifications.findIndex((n) => n.title === card.title);
    await app.request({ cmd: 'notificationAction', index, actionIndex: 1 });
    await app.waitFor('declined', () => sim.calls.agentOf(call.id) !== AGENT.username);
    const r = await app.waitFor('the card closed', (x) => open(x).length === 0);
    // Two polls and the lookup later, still nothing: the decline is not a missed call.
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect((await app.recording()).notifications).toHaveLength(r.notifications.length);
    expect(lastState(await app.recording())?.missed).toEqual([]);
  });
});

describe('the card closes the moment its call stops ringing', () => {
  it('answered here', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await ringingCard(app);
    sim.calls.answer(call.id);
    const r = await app.waitFor('the card closed', (x) => open(x).length === 0);
    expect(cardsCalling(r)).toEqual([expect.objectContaining({ closed: true })]);
  });

  it('answered elsewhere', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await ringingCard(app);
    sim.calls.answerElsewhere(call.id, 'Bo');
    const r = await app.waitFor('the card closed', (x) => cardsCalling(x)[0]?.closed === true);
    expect(open(r).filter((n) => n.title.endsWith(' is calling'))).toEqual([]);
  });

  it('ended', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await ringingCard(app);
    sim.calls.end(call.id);
    await app.waitFor('the card closed', (x) => cardsCalling(x)[0]?.closed === true);
  });

  it('missed: the missed card takes its place', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await ringingCard(app);
    sim.calls.miss(call.id);
    const r = await app.waitFor('the missed card', (x) =>
      x.notifications.some((n) => n.title.startsWith('Missed')),
    );
    expect(open(r).map((n) => n.title)).toEqual([expect.stringMatching(/^Missed/)]);
  });
});

describe('many calls at once', () => {
  it('five calls ringing: one summary card; it opens the calls list', async () => {
    const { app, sim } = await signedInApp();
    for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Ed']) sim.calls.arrive({ fromName: name });
    const r = await app.waitFor('the summary', (x) =>
      open(x).some((n) => n.title === '5 calls ringing'),
    );
    expect(open(r).map((n) => n.title)).toEqual(['5 calls ringing']);
    // Never more than three call cards were up at once on the way there.
    expect(cardsCalling(r).length).toBeLessThanOrEqual(3);
    await app.request({ cmd: 'closeWindow' });
    const index = r.notifications.findIndex((n) => n.title === '5 calls ringing' && !n.closed);
    await app.request({ cmd: 'clickNotification', index });
    await app.waitFor('the calls list', (x) =>
      mainWindows(x).some((w) => !w.destroyed && w.hash === '#/calls'),
    );
  });
});

describe('ringing aloud', () => {
  it('the ring page is told play while the call rings, and stop when it is answered', async () => {
    const { app, sim } = await signedInApp();
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const r = await app.waitFor('play', (x) => ringCommands(x).length === 1);
    expect(ringCommands(r)).toEqual([{ play: 'classic', volume: 0.8, device: '' }]);
    const page = ringPage(r);
    expect(page?.shown).toBe(false);
    expect(page?.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        autoplayPolicy: 'no-user-gesture-required',
      },
    });
    const preferences = page?.options['webPreferences'] as Record<string, unknown>;
    expect(String(preferences['preload'])).toMatch(/ring\.cjs$/);
    sim.calls.answer(call.id);
    const stopped = await app.waitFor('stop', (x) => ringCommands(x).length === 2);
    expect(ringCommands(stopped)).toEqual([
      { play: 'classic', volume: 0.8, device: '' },
      { stop: true },
    ]);
  });

  it('silent with "Ring until answered" off: the card sounds instead', async () => {
    const { app, sim } = await signedInApp({
      settings: { pollIntervalMs: 1000, ringUntilAnswered: false },
    });
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    const card = await ringingCard(app);
    expect(card.silent).toBe(false);
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect(ringPage(await app.recording())).toBeUndefined();
  });

  it('the Test button rings the chosen sound', async () => {
    const { app } = await signedInApp();
    await app.invoke(IPC.updateSettings, [{ ringSound: 'chime', ringVolume: 0.5 }]);
    await app.invoke(IPC.testRingSound);
    const r = await app.waitFor('play', (x) => ringCommands(x).length === 1);
    expect(ringCommands(r)).toEqual([{ play: 'chime', volume: 0.5, device: '' }]);
  });
});

describe('never silently missed: the incoming-call window', () => {
  it('when the OS shows no notifications: shown inactive, on top; closed when ringing stops', async () => {
    const { app, sim } = await signedInApp({ notifications: 'unsupported' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const r = await app.waitFor('the incoming window', (x) => incomingWindow(x)?.shown === true);
    const win = incomingWindow(r) as WindowRecord;
    expect(win).toMatchObject({ shownInactive: true, alwaysOnTop: true, focusCount: 0 });
    expect(win.options).toMatchObject({
      alwaysOnTop: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(r.notifications).toEqual([]);
    // It gets the state, and its Open asks for the call like the main window does.
    expect(win.pushes.some((p) => p.channel === IPC.state)).toBe(true);
    await app.invoke(IPC.openSession, [call.id], 'incoming');
    sim.calls.answer(call.id);
    await app.waitFor('the window closed', (x) => incomingWindow(x) === undefined);
  });

  it('when a card reports failed', async () => {
    const { app, sim } = await signedInApp({ notifications: 'failing' });
    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    const r = await app.waitFor('the incoming window', (x) => incomingWindow(x)?.shown === true);
    expect(r.notifications.map((n) => n.failed)).toEqual([true]);
    sim.calls.end(call.id);
    await app.waitFor('the window closed', (x) => incomingWindow(x) === undefined);
  });

  it('"never" shows none, even when cards cannot show', async () => {
    const { app, sim } = await signedInApp({
      notifications: 'unsupported',
      settings: { pollIntervalMs: 1000, incomingWindow: 'never' },
    });
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    await app.waitFor('ringing', (x) => lastState(x)?.calls.length === 1);
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect(incomingWindow(await app.recording())).toBeUndefined();
  });
});

describe('the global shortcut', () => {
  it('registered from Settings; it opens the ringing call; one refused keeps the old', async () => {
    const { app, sim } = await signedInApp();
    await app.invoke(IPC.updateSettings, [{ globalShortcut: 'CommandOrControl+Shift+F9' }]);
    expect((await app.recording()).shortcutsHeld).toEqual(['CommandOrControl+Shift+F9']);

    await app.request({ cmd: 'takeShortcut', accelerator: 'F10' });
    await expect(app.invoke(IPC.updateSettings, [{ globalShortcut: 'F10' }])).rejects.toThrow(
      /“F10” could not be registered.*“CommandOrControl\+Shift\+F9” still works/,
    );
    await expect(
      app.invoke(IPC.updateSettings, [{ globalShortcut: 'Ctrl+Nope+' }]),
    ).rejects.toThrow(/not a key combination/);
    const r = await app.recording();
    expect(r.shortcutsHeld).toEqual(['CommandOrControl+Shift+F9']);
    expect(lastState(r)?.settings.globalShortcut).toBe('CommandOrControl+Shift+F9');

    const call = sim.calls.arrive({ fromName: 'Grace Hopper' });
    await ringingCard(app);
    await app.request({ cmd: 'closeWindow' });
    await app.request({ cmd: 'pressShortcut', accelerator: 'CommandOrControl+Shift+F9' });
    await app.waitFor('the window on the call', (x) =>
      mainWindows(x).some((w) => !w.destroyed && w.hash === `#/sessions/${call.id}`),
    );

    await app.invoke(IPC.updateSettings, [{ globalShortcut: '' }]);
    expect((await app.recording()).shortcutsHeld).toEqual([]);
  });
});
