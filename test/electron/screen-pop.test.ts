// The built app's screen pop: a call that rings opens the CRM page once, in the system browser
// (shell.openExternal), and the window's requests are refused for an address that may not open.
//   npx electron-vite build && npx vitest run test/electron/screen-pop.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type Settings } from '../../main/boundary/contract.js';
import type { Simulator } from '../../main/simulator/types.js';
import type { RunningApp } from './app-harness.js';
import { AGENT, launch, lastState, polls, signedInApp, simulator, stopAll } from './scenario.js';

afterEach(stopAll);

const CRM = 'https://crm.example.com/search?phone={from}&name={fromName}';

async function signIn(app: RunningApp, sim: Simulator): Promise<void> {
  // A restart without a keychain: the window opens on a second launch, the agent signs in.
  if ((await app.recording()).windows.every((w) => w.destroyed)) {
    await app.request({ cmd: 'secondInstance' });
  }
  await app.waitFor('a window', (r) => r.windows.some((w) => !w.destroyed));
  const result = await app.invoke(IPC.signIn, [
    { server: sim.url, username: AGENT.username, password: AGENT.password, remember: true },
  ]);
  expect(result).toEqual({ ok: true });
  await app.waitFor('online', (r) => lastState(r)?.connection.status === 'online');
}

describe('the screen pop in the built app', () => {
  it("'ringing' opens the call's page through shell.openExternal exactly once", async () => {
    const { app, sim } = await signedInApp({
      settings: { pollIntervalMs: 1000, screenPop: { url: CRM, when: 'ringing' } },
    });
    const { id } = sim.calls.arrive({ fromName: 'Jane Doe' });
    const opened = await app.waitFor('the screen pop', (r) => r.externalOpened.length > 0);
    expect(opened.externalOpened).toHaveLength(1);
    expect(opened.externalOpened[0]).toMatch(
      /^https:\/\/crm\.example\.com\/search\?phone=.+&name=Jane%20Doe$/,
    );
    // Further polls of the same ringing call, then its answer, open nothing more.
    const seen = polls(sim).length;
    await app.waitFor('three more polls', () => polls(sim).length >= seen + 3);
    sim.calls.answer(id);
    await app.waitFor('the answer seen', (r) =>
      Boolean(lastState(r)?.calls.some((s) => s.id === id && s.group === 'connected')),
    );
    expect((await app.recording()).externalOpened).toHaveLength(1);
  }, 30_000);

  it('openScreenPop refuses an http://example.com template, and Test shows without opening', async () => {
    const { app, sim } = await signedInApp({
      settings: { pollIntervalMs: 1000, screenPop: { url: '', when: 'manual' } },
    });
    const { id } = sim.calls.arrive({ fromName: 'Jane Doe' });
    await app.waitFor('the call listed', (r) =>
      Boolean(lastState(r)?.calls.some((s) => s.id === id)),
    );
    const saved = (await app.invoke(IPC.updateSettings, [
      { screenPop: { url: 'http://example.com/?phone={from}' } },
    ])) as Settings;
    expect(saved.screenPop.url).toBe('http://example.com/?phone={from}');
    expect(await app.invoke(IPC.openScreenPop, [id])).toEqual({
      ok: false,
      error: expect.stringMatching(/https:\/\//),
    });
    expect(await app.invoke(IPC.testScreenPop, [{ url: CRM, open: false }])).toEqual({
      ok: true,
      url: expect.stringMatching(/^https:\/\/crm\.example\.com\/search\?phone=.*Jane%20Doe$/),
    });
    await expect(app.invoke(IPC.testScreenPop, [{ url: CRM, open: 'yes' }])).rejects.toThrow(
      /"open"/,
    );
    await expect(app.invoke(IPC.openScreenPop, [42])).rejects.toThrow(/session id/);
    expect((await app.recording()).externalOpened).toEqual([]);

    // By hand, an https template opens whatever `when` says.
    await app.invoke(IPC.updateSettings, [{ screenPop: { url: CRM } }]);
    expect(await app.invoke(IPC.openScreenPop, [id])).toEqual({ ok: true });
    expect((await app.recording()).externalOpened).toHaveLength(1);
  }, 30_000);

  it('does not open a ringing call again after a restart', async () => {
    const sim = await simulator();
    const settings = { pollIntervalMs: 1000, screenPop: { url: CRM, when: 'ringing' as const } };
    const first = await launch({ settings });
    await signIn(first, sim);
    const { id } = sim.calls.arrive({ fromName: 'Jane Doe' });
    await first.waitFor('the screen pop', (r) => r.externalOpened.length === 1);
    // Quit from the tray, as the agent does.
    await first.request({ cmd: 'clickMenu', label: 'Quit Evo Voice Tray' });
    await first.waitFor('the quit', (r) => r.quit);
    await first.stop(false);

    const second = await launch({ userData: first.userData, settings });
    await signIn(second, sim);
    await second.waitFor('the call still ringing', (r) =>
      Boolean(lastState(r)?.calls.some((s) => s.id === id && s.group === 'ringing')),
    );
    const seen = polls(sim).length;
    await second.waitFor('two more polls', () => polls(sim).length >= seen + 2);
    expect((await second.recording()).externalOpened).toEqual([]);
  }, 60_000);
});
