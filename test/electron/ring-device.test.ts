// The ring's speaker in the BUILT app under the fake electron, against the simulator: the play
// command names the chosen speaker, the ring page's report of a missing one reaches the window
// once, Settings' list comes from the ring page (system default first), and only the ring page
// may see and choose speakers.
//   npx vitest run test/electron/ring-device.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import type { RunningApp } from './app-harness.js';
import type { Recording } from './fake-electron.js';
import { mainWindows, ringPage, signedInApp, stopAll } from './scenario.js';

afterEach(stopAll);

const ringCommands = (r: Recording) =>
  (ringPage(r)?.pushes ?? []).filter((p) => p.channel === 'ring:command').map((p) => p.payload);
const windowStates = (r: Recording) =>
  mainWindows(r)
    .flatMap((w) => w.pushes)
    .filter((p) => p.channel === IPC.state)
    .map((p) => p.payload as WindowState);
/** How many times the window was told a speaker is missing (a change from not missing). */
const missingNotices = (r: Recording) =>
  windowStates(r).filter(
    (s, i, all) =>
      s.ringDeviceMissing !== undefined && s.ringDeviceMissing !== all[i - 1]?.ringDeviceMissing,
  ).length;
const ringPageSends = (app: RunningApp, payload: unknown) =>
  app.request({ cmd: 'ringPageSends', channel: 'ring:event', payload });
const state = (app: RunningApp) => app.invoke(IPC.getState) as Promise<WindowState>;

describe('the ring plays on the chosen speaker', () => {
  it('a ringing call: the play command carries the chosen device', async () => {
    const { app, sim } = await signedInApp({
      settings: { pollIntervalMs: 1000, ringDevice: 'headset-1' },
    });
    sim.calls.arrive({ fromName: 'Grace Hopper' });
    const r = await app.waitFor('play', (x) => ringCommands(x).length === 1);
    expect(ringCommands(r)).toEqual([{ play: 'classic', volume: 0.8, device: 'headset-1' }]);
  });

  it('the Test button rings on the speaker chosen in Settings', async () => {
    const { app } = await signedInApp();
    await app.invoke(IPC.updateSettings, [{ ringDevice: 'usb-speaker' }]);
    await app.invoke(IPC.testRingSound);
    const r = await app.waitFor('play', (x) => ringCommands(x).length === 1);
    expect(ringCommands(r)).toEqual([{ play: 'classic', volume: 0.8, device: 'usb-speaker' }]);
  });
});

describe('a chosen speaker that is gone', () => {
  it('the page reports it: the window is told once; found again or another choice clears it', async () => {
    const { app } = await signedInApp({
      settings: { pollIntervalMs: 1000, ringDevice: 'headset-1' },
    });
    await app.invoke(IPC.testRingSound);
    await app.waitFor('the ring page', (x) => ringCommands(x).length === 1);
    await ringPageSends(app, { deviceMissing: 'headset-1' });
    await ringPageSends(app, { deviceMissing: 'headset-1' });
    expect((await state(app)).ringDeviceMissing).toBe('headset-1');
    // A report about a device no longer chosen, or not a report at all, changes nothing.
    await ringPageSends(app, { deviceMissing: 'old-speaker' });
    await ringPageSends(app, { deviceMissing: 42 });
    expect((await state(app)).ringDeviceMissing).toBe('headset-1');
    const told = await app.waitFor('the notice', (x) => missingNotices(x) >= 1);
    expect(missingNotices(told)).toBe(1);

    await ringPageSends(app, { deviceFound: 'headset-1' });
    expect((await state(app)).ringDeviceMissing).toBeUndefined();
    await ringPageSends(app, { deviceMissing: 'headset-1' });
    expect((await state(app)).ringDeviceMissing).toBe('headset-1');
    await app.invoke(IPC.updateSettings, [{ ringDevice: '' }]);
    expect((await state(app)).ringDeviceMissing).toBeUndefined();
  });
});

describe("Settings' speaker list", () => {
  it('asks the ring page; the system default first, Chromium\'s own "default" not twice', async () => {
    const { app } = await signedInApp();
    const listed = app.invoke(IPC.listRingDevices);
    const r = await app.waitFor('the list request', (x) =>
      ringCommands(x).some((c) => typeof (c as { listDevices?: unknown }).listDevices === 'number'),
    );
    const request = (ringCommands(r).at(-1) as { listDevices: number }).listDevices;
    await ringPageSends(app, {
      request,
      devices: [
        { deviceId: 'default', label: 'Default - Speakers' },
        { deviceId: 'headset-1', label: 'Jabra Evolve2 65' },
      ],
    });
    expect(await listed).toEqual([
      { deviceId: '', label: '' },
      { deviceId: 'headset-1', label: 'Jabra Evolve2 65' },
    ]);
  });

  it('only the ring page may see and choose speakers; nothing else is granted', async () => {
    const { app } = await signedInApp();
    await app.invoke(IPC.testRingSound);
    await app.waitFor('the ring page', (x) => ringCommands(x).length === 1);
    const check = (from: 'ring' | 'main', permission: string, mediaType?: string) =>
      app.request({ cmd: 'permissionCheck', from, permission, mediaType });
    expect(await check('ring', 'speaker-selection')).toBe(true);
    expect(await check('ring', 'media', 'audio')).toBe(true);
    expect(await check('ring', 'media', 'video')).toBe(false);
    expect(await check('ring', 'notifications')).toBe(false);
    expect(await check('main', 'media', 'audio')).toBe(false);
    expect(await check('main', 'speaker-selection')).toBe(false);
  });
});
