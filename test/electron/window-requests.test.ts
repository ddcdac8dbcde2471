// The built app answering the window's newer requests: avatars, settings the window may not
// change, and "Open at login" on Linux.
//   npx electron-vite build && npx vitest run test/electron/window-requests.test.ts
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type Settings, type WindowState } from '../../main/boundary/contract.js';
import { lastState, signedInApp, stopAll } from './scenario.js';

afterEach(stopAll);

describe('avatars', () => {
  it('answers the agent’s avatar as a data: URL, and null for an address it will not fetch', async () => {
    const { app, sim } = await signedInApp();
    const avatarUrl = lastState(await app.recording())?.account.user?.avatarUrl;
    expect(avatarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/avatars\//);
    expect(await app.invoke(IPC.getAvatar, [avatarUrl])).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await app.invoke(IPC.getAvatar, ['http://example.com/a.png'])).toBeNull();
    // Fetched by main from the simulator (the window itself makes no request).
    expect(sim.requests.filter((q) => q.path.startsWith('/avatars/'))).toHaveLength(1);
  });

  it('refuses an argument that is not a web address of at most 2048 characters', async () => {
    const { app } = await signedInApp();
    await expect(app.invoke(IPC.getAvatar, [42])).rejects.toThrow(/avatar address/);
    await expect(app.invoke(IPC.getAvatar, ['no address'])).rejects.toThrow(/web address/);
    const long = `https://example.com/${'a'.repeat(2048)}`;
    await expect(app.invoke(IPC.getAvatar, [long])).rejects.toThrow(/2048/);
  });
});

describe('settings from the window', () => {
  it('refuses the server, user name, window bounds and pause, and changes nothing', async () => {
    const { app, sim } = await signedInApp();
    for (const patch of [
      { server: 'https://evil.example' },
      { username: 'someone-else' },
      { windowBounds: { x: 0, y: 0, width: 420, height: 600 } },
      { alertsPausedUntil: 'until-resumed' },
    ]) {
      await expect(app.invoke(IPC.updateSettings, [patch])).rejects.toThrow(
        /cannot be changed from the window/,
      );
    }
    const state = (await app.invoke(IPC.getState)) as WindowState;
    expect(state.settings.server).toBe(sim.url);
    expect(state.settings.windowBounds).toBeNull();
    expect(state.alertsPausedUntil).toBeUndefined();
  });

  it('"Open at login" on Linux writes and removes the XDG autostart entry', async () => {
    const config = mkdtempSync(join(tmpdir(), 'evo-xdg-'));
    try {
      const { app } = await signedInApp({ platform: 'linux', env: { XDG_CONFIG_HOME: config } });
      const entry = join(config, 'autostart', 'evo-voice-tray.desktop');
      const on = (await app.invoke(IPC.updateSettings, [{ openAtLogin: true }])) as Settings;
      expect(on.openAtLogin).toBe(true);
      expect(readFileSync(entry, 'utf8')).toContain(`Exec=${process.execPath}`);
      await app.invoke(IPC.updateSettings, [{ openAtLogin: false }]);
      expect(existsSync(entry)).toBe(false);
      expect((await app.recording()).loginItems).toEqual([]);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });
});
