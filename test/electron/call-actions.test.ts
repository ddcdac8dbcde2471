// The built app acting on calls, against the simulator: from the bridge and from the tray menu
// each action changes the call on the server, the tray shows it after the one poll the action
// asks for (the interval is a minute, so no other poll explains it), and no alert follows.
//   npx electron-vite build && npx vitest run test/electron/call-actions.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import {
  IPC,
  type FoundCall,
  type Session,
  type WindowState,
} from '../../main/boundary/contract.js';
import { DEMO_USERS } from '../../main/simulator/server.js';
import type { Simulator, SimulatorOptions } from '../../main/simulator/types.js';
import type { RunningApp } from './app-harness.js';
import {
  AGENT,
  launch,
  lastState,
  menuLabels,
  polls,
  signedInApp,
  signIns,
  simulator,
  stopAll,
} from './scenario.js';

afterEach(stopAll);

/** Signed in, with the calls the simulator has before the first poll; no poll for a minute. */
async function appWith(prepare: (sim: Simulator) => Session[], options: SimulatorOptions = {}) {
  const sim = await simulator(options);
  const calls = prepare(sim);
  const app = await launch({ settings: { pollIntervalMs: 60_000 } });
  await app.waitFor('the sign-in window', (r) => r.windows.length === 1);
  const signedIn = await app.invoke(IPC.signIn, [
    { server: sim.url, username: AGENT.username, password: AGENT.password, remember: true },
  ]);
  expect(signedIn).toEqual({ ok: true });
  await app.waitFor('the calls', (r) => lastState(r)?.calls.length === calls.length);
  return { app, sim, calls };
}

function connected(sim: Simulator, fromName: string): Session {
  const call = sim.calls.arrive({ fromName, endpointName: 'Sales Line' });
  sim.calls.answer(call.id);
  return call;
}

const act = (app: RunningApp, request: Record<string, unknown>) =>
  app.invoke(IPC.callAction, [request]);

/** Waits for the state, and checks that exactly one poll (the action's) brought it. */
async function afterOnePoll(
  app: RunningApp,
  sim: Simulator,
  before: number,
  what: string,
  check: (state: WindowState) => boolean,
) {
  const r = await app.waitFor(what, (x) => {
    const state = lastState(x);
    return state !== undefined && check(state);
  });
  expect(polls(sim).length).toBe(before + 1);
  return r;
}

/**
 * The engine believes a call gone after two polls without it: a second poll (the screen locked
 * and unlocked resumes polling at once), then the lookup it asks for a call that left ringing.
 */
async function pollAgain(app: RunningApp, sim: Simulator, lookup: boolean): Promise<void> {
  const seen = polls(sim).length;
  await app.request({ cmd: 'power', event: 'lock-screen' });
  await app.request({ cmd: 'power', event: 'unlock-screen' });
  await app.waitFor('another poll', () => polls(sim).length > seen);
  if (lookup)
    await app.waitFor('the lookup', () => sim.requests.some((q) => q.path === '/sessions'));
  // The lookup's answer is decided before the next request; one more round trip settles it.
  await app.invoke(IPC.getState);
}

describe('from the bridge (the window)', () => {
  it('hold, then resume: the server has it, the tray shows it after one poll, no "held" alert', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Hana Held')]);
    const id = calls[0]?.id ?? '';
    const before = polls(sim).length;
    expect(await act(app, { sessionId: id, action: 'hold' })).toEqual({ ok: true });
    expect(sim.calls.get(id)).toMatchObject({ callState: 'Hold', holdQueueName: 'Sales Hold' });
    const r = await afterOnePoll(app, sim, before, 'held', (s) =>
      s.calls.some((x) => x.id === id && x.group === 'held'),
    );
    expect(menuLabels(r.menu)).toContain('On hold');
    expect(r.notifications).toEqual([]);

    expect(await act(app, { sessionId: id, action: 'resume' })).toEqual({ ok: true });
    await afterOnePoll(app, sim, before + 1, 'connected again', (s) =>
      s.calls.some((x) => x.id === id && x.group === 'connected'),
    );
    expect((await app.recording()).notifications).toEqual([]);
  });

  it('decline: the call leaves the agent, and it is not reported missed', async () => {
    const { app, sim, calls } = await appWith((s) => [s.calls.arrive({ fromName: 'Rae Ringing' })]);
    const id = calls[0]?.id ?? '';
    const rang = (await app.waitFor('the ring', (r) => r.notifications.length === 1)).notifications;
    expect(rang[0]?.title).toMatch(/Rae Ringing/);
    const before = polls(sim).length;
    expect(await act(app, { sessionId: id, action: 'decline' })).toEqual({ ok: true });
    expect(sim.calls.agentOf(id)).not.toBe(AGENT.username);
    await afterOnePoll(app, sim, before, 'the call gone', (s) => s.calls.length === 0);
    // The engine looks the call up (it left while ringing); the answer must not become "missed".
    await pollAgain(app, sim, true);
    const r = await app.recording();
    expect(r.notifications.filter((n) => !n.closed).map((n) => n.title)).not.toContain(
      expect.stringMatching(/Missed/i),
    );
    expect(r.notifications.slice(1)).toEqual([]);
    expect(lastState(r)?.missed).toEqual([]);
  });

  it('transfer: the call leaves the list, the destination is remembered, no alert', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Tess Transfer')]);
    const id = calls[0]?.id ?? '';
    const before = polls(sim).length;
    const result = await act(app, {
      sessionId: id,
      action: 'transfer',
      destination: '+1 503 555 0199',
    });
    expect(result).toEqual({ ok: true });
    expect(sim.calls.get(id)?.destination).toBe('+15035550199');
    const r = await afterOnePoll(app, sim, before, 'the call gone', (s) => s.calls.length === 0);
    expect(lastState(r)?.settings.recentDestinations).toEqual(['+15035550199']);
    await pollAgain(app, sim, false);
    expect((await app.recording()).notifications).toEqual([]);
  });

  it('a double click sends one request; both clicks hear the outcome', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Dee Double')]);
    const id = calls[0]?.id ?? '';
    const [first, second] = await Promise.all([
      act(app, { sessionId: id, action: 'hold' }),
      act(app, { sessionId: id, action: 'hold' }),
    ]);
    expect([first, second]).toEqual([{ ok: true }, { ok: true }]);
    expect(sim.requests.filter((q) => q.path === `/sessions/${id}/hold`)).toHaveLength(1);
  });

  it('refused: a state the call is not in (by main), and one the server refuses (its words)', async () => {
    const { app, sim, calls } = await appWith((s) => [
      s.calls.arrive({ fromName: 'Rae Ringing' }),
      connected(s, 'Cy Connected'),
    ]);
    const [ringing, other] = calls.map((c) => c.id);
    expect(await act(app, { sessionId: ringing, action: 'hold' })).toEqual({
      ok: false,
      error: 'Only a connected call of yours can be put on hold (this one is ringing).',
    });
    expect(sim.requests.some((q) => q.path.endsWith('/hold'))).toBe(false);
    // Held on the server since the last poll: the server refuses, in its own words.
    sim.calls.hold(other ?? '', 'Billing Hold');
    expect(await act(app, { sessionId: other, action: 'hold' })).toEqual({
      ok: false,
      error: 'Only a connected session can be put on hold; this one is Hold.',
    });
    expect(await act(app, { sessionId: 'no-such-call', action: 'hangUp' })).toEqual({
      ok: false,
      error: 'This call has already ended.',
    });
  });

  it('bad arguments are refused like every other bridge call, and from a foreign frame', async () => {
    const { app, calls } = await appWith((s) => [connected(s, 'Cy Connected')]);
    const id = calls[0]?.id ?? '';
    await expect(act(app, { sessionId: id, action: 'answer' })).rejects.toThrow(
      /"action" must be one of/,
    );
    await expect(act(app, { sessionId: id, action: 'hold', destination: '2040' })).rejects.toThrow(
      /Only a transfer has a destination/,
    );
    await expect(act(app, { sessionId: '', action: 'hold' })).rejects.toThrow(/session id/);
    await expect(
      app.invoke(IPC.callAction, [{ sessionId: id, action: 'hangUp' }], 'foreign'),
    ).rejects.toThrow(/did not come from the Evo Voice Tray window/);
  });

  it('a 401 during an action: one silent sign-in, the action performed once', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Exp Ired')]);
    const id = calls[0]?.id ?? '';
    const before = signIns(sim).length;
    sim.faults.expireSessions();
    expect(await act(app, { sessionId: id, action: 'hold' })).toEqual({ ok: true });
    expect(signIns(sim)).toHaveLength(before + 1);
    const holds = sim.requests.filter((q) => q.path === `/sessions/${id}/hold`);
    expect(holds.map((q) => q.status)).toEqual([401, 200]);
  });
});

describe('from the tray menu', () => {
  it('Hold and Hang up in the call submenu act at once; the tray follows; no alert', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Tom Tray')]);
    const id = calls[0]?.id ?? '';
    const menu = await app.waitFor('the call submenu', (r) => menuLabels(r.menu).includes('Hold'));
    expect(menuLabels(menu.menu)).toEqual(
      expect.arrayContaining(['Details…', 'Hold', 'Transfer…', 'Hang up']),
    );
    const before = polls(sim).length;
    await app.request({ cmd: 'clickMenu', label: 'Hold' });
    await afterOnePoll(app, sim, before, 'held', (s) =>
      s.calls.some((x) => x.id === id && x.group === 'held'),
    );
    expect(sim.calls.get(id)?.callState).toBe('Hold');
    const held = await app.waitFor('Resume in the menu', (r) =>
      menuLabels(r.menu).includes('Resume'),
    );
    expect(held.notifications).toEqual([]);

    await app.request({ cmd: 'clickMenu', label: 'Hang up' });
    const r = await afterOnePoll(
      app,
      sim,
      before + 1,
      'the call gone',
      (s) => s.calls.length === 0,
    );
    expect(sim.calls.get(id)?.ended).toBe(true);
    expect(menuLabels(r.menu)).toContain('No calls right now');
    expect((await app.recording()).notifications).toEqual([]);
  });

  it("the agent's endpoint id is not their user id: their answered call still offers Hold, Transfer, Hang up", async () => {
    // answeredById names the endpoint (the reference page); no Agent member to go by.
    const users = DEMO_USERS.map((u, i) => (i === 0 ? { ...u, endpointId: 'ep-jordan-desk' } : u));
    const { app, calls } = await appWith(
      (s) => {
        const call = s.calls.arrive({ fromName: 'Ed Endpoint', members: [] });
        s.calls.answer(call.id);
        return [call];
      },
      { users },
    );
    const r = await app.waitFor('the endpoint id read, the call listed', (x) => {
      const state = lastState(x);
      return state?.agent?.endpointId === 'ep-jordan-desk' && state.calls.length === 1;
    });
    const row = lastState(r)?.calls[0];
    expect(row?.id).toBe(calls[0]?.id);
    const found = (await app.invoke(IPC.getCall, [row?.id])) as FoundCall | null;
    expect(found?.session.answeredById).toBe('ep-jordan-desk');
    expect(lastState(r)?.account.user?.id).toBe(AGENT.id);
    // The menu follows the state it was built from: wait for the one with the actions.
    const menu = await app.waitFor('the call submenu', (x) => menuLabels(x.menu).includes('Hold'));
    expect(menuLabels(menu.menu)).toEqual(expect.arrayContaining(['Hold', 'Transfer…', 'Hang up']));
  });

  it('Decline from the tray declines the ringing call', async () => {
    const { app, sim, calls } = await appWith((s) => [s.calls.arrive({ fromName: 'Rae Ringing' })]);
    const id = calls[0]?.id ?? '';
    await app.waitFor('Decline in the menu', (r) => menuLabels(r.menu).includes('Decline'));
    await app.request({ cmd: 'clickMenu', label: 'Decline' });
    await app.waitFor('the call gone', (r) => lastState(r)?.calls.length === 0);
    expect(sim.calls.agentOf(id)).not.toBe(AGENT.username);
  });

  it('Transfer… opens the window on the call transfer form', async () => {
    const { app, calls } = await appWith((s) => [connected(s, 'Tess Transfer')]);
    const id = calls[0]?.id ?? '';
    await app.waitFor('Transfer in the menu', (r) => menuLabels(r.menu).includes('Transfer…'));
    await app.request({ cmd: 'clickMenu', label: 'Transfer…' });
    await app.waitFor('the transfer form', (r) =>
      r.windows.some((w) => w.hash === `#/sessions/${id}/transfer`),
    );
  });

  it('a refusal from the tray is told in a notification', async () => {
    const { app, sim, calls } = await appWith((s) => [connected(s, 'Cy Connected')]);
    const id = calls[0]?.id ?? '';
    await app.waitFor('Hold in the menu', (r) => menuLabels(r.menu).includes('Hold'));
    sim.calls.end(id);
    await app.request({ cmd: 'clickMenu', label: 'Hold' });
    const r = await app.waitFor('the refusal', (x) => x.notifications.length === 1);
    expect(r.notifications[0]).toMatchObject({
      title: 'The call was not put on hold',
      body: 'This call has already ended.',
    });
  });
});

describe('reading the server as it answers', () => {
  it('a ring that vanished is looked up with its log (GET /sessions/{id} would strip it)', async () => {
    const { app, sim } = await signedInApp();
    const { id } = sim.calls.arrive({ fromName: 'Val Vanished' });
    await app.waitFor('the ring', (r) => lastState(r)?.calls.some((s) => s.id === id) === true);
    sim.calls.remove(id);
    const r = await app.waitFor('missed', (x) => (lastState(x)?.missed.length ?? 0) > 0);
    expect(lastState(r)?.missed[0]?.sessionId).toBe(id);
    // The window reads it through getCall when its details open (ended: it left the list).
    const missed = (await app.invoke(IPC.getCall, [id])) as FoundCall | null;
    expect(missed?.ended).toBe(true);
    expect(missed?.session.log?.map((l) => l.message)).toEqual(
      sim.calls.get(id)?.log?.map((l) => l.message),
    );
    expect(missed?.session.log?.length).toBeGreaterThan(0);
  });
});
