// The real Electron, the built app, demo mode (npm run e2e; under xvfb-run on Linux CI). It
// starts, shows the tray, raises a ringing notification, and the window opens on the call —
// first from the card, then through the bridge. The main process is read with app.evaluate;
// the tray and the cards through the test-only probe (main/electron/e2e-probe.ts, EVO_E2E=1).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvoTrayBridge } from '../../main/boundary/contract.js';
import type { E2EProbe } from '../../main/electron/e2e-probe.js';

const root = resolve(import.meta.dirname, '../..');
// The electron package's main is the binary's path (npm run e2e checked it is there first).
const executablePath = createRequire(import.meta.url)('electron') as string;

let app: ElectronApplication;

beforeAll(async () => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env['ELECTRON_RENDERER_URL'];
  app = await _electron.launch({
    executablePath,
    args: [root, '--demo'],
    cwd: root,
    env: { ...env, EVO_E2E: '1', ELECTRON_ENABLE_LOGGING: '1' },
  });
});

afterAll(async () => {
  await app?.close();
});

const CALL_WINDOW = /^app:\/\/tray\/index\.html#\/sessions\//;
const isRingingCard = (n: { title: string; body: string }) =>
  / is calling$/.test(n.title) && n.body.startsWith('Incoming call');

const probe = () =>
  app.evaluate(() => {
    const p = (globalThis as { __evoE2E?: E2EProbe }).__evoE2E;
    return p ? { tooltips: p.tooltips, notifications: p.notifications } : null;
  });

describe('Evo Voice Tray on the real Electron', () => {
  it('is a packaged-looking app with the tray icon up', async () => {
    expect(await app.evaluate(({ app: a }) => a.getName())).toBe('Evo Voice Tray');
    await expect
      .poll(async () => (await probe())?.tooltips.at(-1) ?? '', { timeout: 30_000 })
      .toMatch(/^Evo Voice/);
  });

  it('raises a ringing notification in the demo', async () => {
    // A ringing card: "<caller> is calling", "Incoming call on <line>" (main/ringing/cards.ts).
    await expect
      .poll(async () => (await probe())?.notifications.some(isRingingCard) ?? false, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(true);
  });

  it('opens the window on the call from the card, then through the bridge', async () => {
    // A click on the ringing card, as the agent would.
    await app.evaluate(() => {
      const p = (globalThis as { __evoE2E?: E2EProbe }).__evoE2E;
      const index = p?.notifications.findIndex((n) => n.body.startsWith('Incoming call')) ?? -1;
      p?.cards[index]?.emit('click');
    });
    // Not the hidden ring page nor the incoming-call window: the window on the call.
    const page = await expect
      .poll(() => app.windows().find((w) => CALL_WINDOW.test(w.url())), { timeout: 30_000 })
      .toBeDefined()
      .then(() => app.windows().find((w) => CALL_WINDOW.test(w.url())));
    if (!page) throw new Error('no window on the call');
    await page.waitForLoadState('domcontentloaded');

    // Through the bridge (window.evoTray), to a live call the state lists.
    const state = await page.evaluate(() =>
      (window as unknown as { evoTray: EvoTrayBridge }).evoTray.getState(),
    );
    const call = state.calls[0];
    expect(call, 'a live call in the demo').toBeDefined();
    const id = call?.id ?? '';
    await page.evaluate(
      (sessionId) =>
        (window as unknown as { evoTray: EvoTrayBridge }).evoTray.openSession(sessionId),
      id,
    );
    const route = `#/sessions/${encodeURIComponent(id)}`;
    // One main window (besides the hidden ring page and the incoming-call window), on the call.
    const mainWindows = () =>
      app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()
          .filter((w) => /^app:\/\/tray\/index\.html#\/sessions\//.test(w.webContents.getURL()))
          .map((w) => ({ url: w.webContents.getURL(), visible: w.isVisible() })),
      );
    await expect
      .poll(mainWindows)
      .toEqual([{ url: `app://tray/index.html${route}`, visible: true }]);
    // The details view rendered the call (the router followed the hash).
    await page.waitForFunction(
      (r) => location.hash === r && document.body.innerText.length > 0,
      route,
    );
  });
});
