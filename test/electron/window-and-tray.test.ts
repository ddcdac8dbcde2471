// The built app: opening the window from the tray, a notification or a second start, on each
// platform; pausing alerts from the tray menu; signing out clears the notifications.
//   npx electron-vite build && npx vitest run test/electron/window-and-tray.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { IPC } from '../../main/boundary/contract.js';
import { launch, lastState, polls, signedInApp, stopAll, trayIcon } from './scenario.js';

afterEach(stopAll);

describe('the page in the window', () => {
  const env = { ELECTRON_RENDERER_URL: 'https://evil.example/' };

  it('a packaged app loads its own page whatever ELECTRON_RENDERER_URL says', async () => {
    const app = await launch({ env: { ...env, EVO_FAKE_PACKAGED: '1' } });
    const r = await app.waitFor('the first-run window', (x) => x.windows.length === 1);
    expect(r.windows[0]?.url).toBe('app://tray/index.html#/calls');
  });

  it('an unpackaged app (electron-vite dev) loads the dev server', async () => {
    const app = await launch({ env });
    const r = await app.waitFor('the first-run window', (x) => x.windows.length === 1);
    expect(r.windows[0]?.url).toBe('https://evil.example/#/calls');
  });
});

describe('opening the window', () => {
  it('a second launch while the app is still starting opens the window once it is ready', async () => {
    // The demo starts in the tray without a window: only the second launch can open one.
    const app = await launch({ argv: ['--demo'], env: { EVO_FAKE_SECOND_LAUNCH_AT_READY: '1' } });
    const r = await app.waitFor('the window', (x) => x.windows.length === 1);
    expect(r.windows).toHaveLength(1);
  });

  it('a second start while the window is open focuses it and keeps the call the agent is on', async () => {
    const { app } = await signedInApp();
    await app.invoke(IPC.openSession, ['call-42']);
    const before = await app.waitFor(
      'the call',
      (r) => r.windows[0]?.hash === '#/sessions/call-42',
    );
    const focused = before.windows[0]?.focusCount ?? 0;
    await app.request({ cmd: 'secondInstance' });
    const r = await app.waitFor('focus', (x) => (x.windows[0]?.focusCount ?? 0) > focused);
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]?.hash).toBe('#/sessions/call-42');
  });

  it('"Open window" in the tray menu keeps the open window where it was', async () => {
    const { app } = await signedInApp();
    await app.invoke(IPC.openSession, ['call-7']);
    await app.request({ cmd: 'clickMenu', label: 'Open window' });
    await app.request({ cmd: 'clickMenu', label: 'Settings' });
    const r = await app.waitFor('settings', (x) => x.windows[0]?.hash === '#/settings');
    expect(r.windows).toHaveLength(1);
  });

  it.each(['darwin', 'win32'] as const)(
    'on %s a click on the tray icon opens the window, a right-click shows the menu',
    async (platform) => {
      const app = await launch({ platform });
      await app.waitFor('the first-run window', (r) => r.windows.length === 1);
      await app.request({ cmd: 'closeWindow' });
      await app.request({ cmd: 'clickTray', kind: 'click' });
      const r = await app.waitFor(
        'the window',
        (x) => x.windows.at(-1)?.shown === true && x.windows.length === 2,
      );
      expect(r.windows.at(-1)?.hash).toBe('#/calls');
      const folder = platform === 'darwin' ? 'mac' : 'win';
      expect(trayIcon(r)).toContain(`/icons/${folder}/`);
      expect(r.missingImages).toEqual([]);
      if (platform === 'win32') expect(r.appUserModelId).toBe('io.evovoice.tray');

      await app.request({ cmd: 'clickTray', kind: 'right-click' });
      const menu = await app.waitFor('the menu', (x) => x.menu.length > 0);
      expect(menu.menu.map((i) => i.label)).toContain('Sign in…');
    },
  );
});

describe('alerts from the tray menu', () => {
  it('"Pause alerts" stops a ringing notification; the tray still shows the ring', async () => {
    const { app, sim } = await signedInApp();
    await app.request({ cmd: 'clickMenu', label: '15 minutes' });
    await app.waitFor('paused', (r) => typeof lastState(r)?.alertsPausedUntil === 'number');
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    const r = await app.waitFor('the ringing icon', (x) => /ringing\.png$/.test(trayIcon(x)));
    const seen = polls(sim).length;
    await app.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect((await app.recording()).notifications).toEqual([]);
    expect(r.menu.some((i) => i.label?.startsWith('Alerts paused until'))).toBe(true);
  });

  it('signing out closes the notifications the agent still had', async () => {
    const { app, sim } = await signedInApp();
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    await app.waitFor('the ring', (r) => r.notifications.length === 1);
    await app.invoke(IPC.signOut);
    const r = await app.recording();
    expect(r.notifications).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Grace Hopper .* is calling$/),
        closed: true,
      }),
    ]);
  });
});
