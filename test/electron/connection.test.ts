// The built app when the machine or the network changes under it, and without a keychain.
//   npx electron-vite build && npx vitest run test/electron/connection.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type WindowState } from '../../main/boundary/contract.js';
import {
  AGENT,
  launch,
  lastState,
  pause,
  polls,
  signIns,
  signedInApp,
  simulator,
  stopAll,
} from './scenario.js';

afterEach(stopAll);

describe('sleep, lock and network', () => {
  it('unlocking while still asleep does not resume polling', async () => {
    const { app, sim } = await signedInApp();
    await app.request({ cmd: 'power', event: 'lock-screen' });
    await app.request({ cmd: 'power', event: 'suspend' });
    await app.request({ cmd: 'power', event: 'unlock-screen' });
    const asleep = polls(sim).length;
    await pause(2_500);
    expect(polls(sim).length).toBe(asleep);
  });

  it('waking polls at once, not at the next interval', async () => {
    // Checking once a minute: a poll within the wait's limit is the one waking starts (spread by
    // up to 1 s of jitter so the agents of one call centre wake apart), however loaded the machine.
    const { app, sim } = await signedInApp({ settings: { pollIntervalMs: 60_000 } });
    await app.request({ cmd: 'power', event: 'lock-screen' });
    await app.request({ cmd: 'power', event: 'suspend' });
    await app.request({ cmd: 'power', event: 'unlock-screen' });
    const asleep = polls(sim).length;
    await app.request({ cmd: 'power', event: 'resume' });
    await app.waitFor('a poll on waking', () => polls(sim).length > asleep);
  });

  it('losing the network does not stop polling, so a lost connection shows', async () => {
    // Electron has no network event: the app checks every 5 seconds, so this test waits one check.
    const { app, sim } = await signedInApp();
    await app.request({ cmd: 'setOnline', online: false });
    await pause(5_500);
    const after = polls(sim).length;
    // Still polling after the check saw the network gone (no limit tighter than the default:
    // a loaded machine may be slow, and the point is that polling goes on at all).
    await app.waitFor('polls still going', () => polls(sim).length >= after + 2);
  }, 20_000);
});

describe('without a keychain (no D-Bus session)', () => {
  it('says the keychain is unavailable and still signs in with "remember", for this run', async () => {
    const sim = await simulator();
    const app = await launch({
      settings: { pollIntervalMs: 1000 },
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/evo-test-bus' },
    });
    await app.waitFor('the sign-in window', (r) => r.windows.length === 1);
    const before = (await app.invoke(IPC.getState)) as WindowState;
    expect(before.account.keychain).toBe('unavailable');
    const result = await app.invoke(IPC.signIn, [
      { server: sim.url, username: AGENT.username, password: AGENT.password, remember: true },
    ]);
    expect(result).toEqual({ ok: true });
    await app.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
    expect(lastState(await app.recording())?.account).toMatchObject({
      status: 'signed-in',
      keychain: 'unavailable',
    });
    // The password kept in memory signs the agent in again when the server session expires.
    sim.faults.expireSessions();
    const good = polls(sim).filter((p) => p.status === 200).length;
    await app.waitFor('a re-sign-in and a good poll', () => {
      return signIns(sim).length === 2 && polls(sim).filter((p) => p.status === 200).length > good;
    });
    expect(app.output()).not.toContain(AGENT.password);
  });
});
