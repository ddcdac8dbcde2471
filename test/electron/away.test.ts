// The built app under the fake electron against the simulator: missed calls while the app was
// closed (one summary card, an entry each, nothing twice across restarts), call back through
// tel: links, the agent's state (Not ready after a missed call), and the telephony token that
// /app/config hands out kept out of every file, log, IPC message and window state.
//   npx electron-vite build && npx vitest run test/electron/away.test.ts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type MissedCall } from '../../main/boundary/contract.js';
import { SIM_TELEPHONY_TOKEN } from '../../main/simulator/away.js';
import type { Simulator } from '../../main/simulator/types.js';
import type { RunningApp } from './app-harness.js';
import type { Recording } from './fake-electron.js';
import { AGENT, launch, lastState, menuLabels, simulator, stopAll, trayIcon } from './scenario.js';

afterEach(stopAll);

const AWAY_TITLE = /^While you were away/;
/** The app listed the call (it rang in the tray). */
const seen = (r: Recording, id: string) =>
  lastState(r)?.calls.some((call) => call.id === id) ?? false;
const configReads = (sim: Simulator) => sim.requests.filter((q) => q.path === '/app/config');

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

/** Quit from the tray, as the agent does: the app saves what it keeps before it goes. */
async function quit(app: RunningApp): Promise<void> {
  await app.request({ cmd: 'clickMenu', label: 'Quit Evo Voice Tray' });
  await app.waitFor('the quit', (r) => r.quit);
  await app.stop(false);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return []; // a temporary file renamed over its target meanwhile
    return stat.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The file's bytes, or none when it was renamed away since it was listed (its target is read). */
function bytesOf(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw e;
  }
}

function expectNoToken(app: RunningApp, recording: unknown): void {
  const leaks = filesUnder(app.userData).filter((f) => bytesOf(f).includes(SIM_TELEPHONY_TOKEN));
  expect(leaks).toEqual([]);
  expect(app.output()).not.toContain(SIM_TELEPHONY_TOKEN);
  // Every push to the window, every menu, card and tooltip: the recording holds them all.
  expect(JSON.stringify(recording)).not.toContain(SIM_TELEPHONY_TOKEN);
}

describe('missed calls while the app was closed', () => {
  it(
    'one summary card and an entry each, never again after another restart',
    { timeout: 90_000 },
    async () => {
      const sim = await simulator();
      const first = await launch({ settings: { pollIntervalMs: 1000 } });
      await signIn(first, sim);
      await first.waitFor('the agent state', (r) => lastState(r)?.agent?.words === 'Ready');
      const { userData } = first;
      await quit(first);

      // Away: two calls ring and are missed while nobody watches.
      const ada = sim.away.missCall({ fromName: 'Ada Away', callbackNumber: '+1 503 555 0101' });
      const bob = sim.away.missCall({ fromName: 'Bob Away', callbackNumber: '+15035550102' });

      const second = await launch({ userData, settings: { pollIntervalMs: 1000 } });
      await signIn(second, sim);
      const r = await second.waitFor(
        'two missed while away',
        (x) => (lastState(x)?.missed ?? []).filter((m) => m.whileAway).length === 2,
      );
      const missed = lastState(r)?.missed ?? [];
      expect(missed.map((m) => m.sessionId).sort()).toEqual([ada.id, bob.id].sort());
      expect(missed.map((m) => m.number).sort()).toEqual(['+15035550101', '+15035550102']);
      const cards = (await second.recording()).notifications;
      expect(cards.filter((n) => AWAY_TITLE.test(n.title)).map((n) => n.title)).toEqual([
        'While you were away: 2 missed calls',
      ]);
      expect(cards.filter((n) => /^Missed/.test(n.title))).toEqual([]);
      const card = cards.findIndex((n) => AWAY_TITLE.test(n.title));
      await second.request({ cmd: 'clickNotification', index: card });
      await second.waitFor('the missed list', (x) => x.windows.some((w) => w.hash === '#/missed'));

      // Call back: a phone number opens tel:, anything else is refused.
      expect(await second.invoke(IPC.callBack, ['+1 503 555 0101'])).toEqual({ ok: true });
      const refused = await second.invoke(IPC.callBack, ['javascript:alert(1)']);
      expect(refused).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not a phone number/),
      });
      await second.request({ cmd: 'clickMenu', label: 'Call back +15035550102' });
      const opened = await second.waitFor('tel links', (x) => x.externalOpened.length === 2);
      expect(opened.externalOpened).toEqual(['tel:+15035550101', 'tel:+15035550102']);
      expect(menuLabels(opened.menu)).toContain('Copy number');
      expectNoToken(second, opened);
      await quit(second);

      const before = sim.requests.length;
      const third = await launch({ userData, settings: { pollIntervalMs: 1000 } });
      await signIn(third, sim);
      const since = () => sim.requests.slice(before);
      await third.waitFor(
        'three polls',
        () => since().filter((q) => q.path === '/sessions/my').length >= 3,
      );
      // Read once at start (one page holds it all), and nothing in it reported again.
      expect(since().filter((q) => q.path === '/portal/call-history')).toHaveLength(1);
      const after = await third.recording();
      expect(after.notifications.filter((n) => AWAY_TITLE.test(n.title))).toEqual([]);
      // The list survived the restart, each call once.
      const kept: MissedCall[] = lastState(after)?.missed ?? [];
      expect(kept.map((m) => m.sessionId).sort()).toEqual([ada.id, bob.id].sort());
      expectNoToken(third, after);
    },
  );
});

describe("the agent's state", () => {
  it(
    'Not ready after a missed call: tooltip, menu header, icon and one card',
    { timeout: 60_000 },
    async () => {
      const sim = await simulator();
      sim.away.notReadyAfterMissedCall = true;
      const app = await launch({ settings: { pollIntervalMs: 1000 } });
      await signIn(app, sim);
      await app.waitFor('Ready', (r) => r.tooltip.startsWith('Evo Voice · Ready'));
      expect(trayIcon(await app.recording())).toMatch(/linux\/idle\.png$/);

      const call = sim.calls.arrive({ fromName: 'Cleo Caller' });
      await app.waitFor('the ring', (r) => seen(r, call.id));
      sim.calls.miss(call.id);
      const r = await app.waitFor('Not ready', (x) => x.tooltip.includes('Not ready'));
      expect(r.tooltip).toMatch(/^Evo Voice · Not ready — after a missed call · /);
      expect(r.menu[0]?.label).toBe('Not ready — after a missed call');
      expect(trayIcon(r)).toMatch(/linux\/not-ready-missed\.png$/);
      expect(lastState(r)?.agent).toMatchObject({ state: 'NotReady', reason: 'MissedCall' });

      // Another missed call: the state is read again at once, but the card is not repeated.
      const reads = configReads(sim).length;
      const again = sim.calls.arrive({ fromName: 'Dan Again' });
      await app.waitFor('the second ring', (x) => seen(x, again.id));
      sim.calls.miss(again.id);
      await app.waitFor('read again', () => configReads(sim).length > reads);
      const cards = (await app.recording()).notifications.filter(
        (n) => n.title === 'You are Not ready',
      );
      expect(cards).toHaveLength(1);
      expectNoToken(app, await app.recording());
    },
  );
});
