// The BUILT app pushes the window only what its lists show (each call's summary, no session),
// and answers `getCall` with a call's full details when they open.
//   npm run build && npx vitest run test/electron/window-state.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { IPC, type FoundCall, type WindowState } from '../../main/boundary/contract.js';
import type { Recording } from './fake-electron.js';
import { lastState, signedInApp, stopAll } from './scenario.js';

afterEach(stopAll);

const rowOf = (r: Recording, id: string) => lastState(r)?.calls.find((c) => c.id === id);

describe('the state pushed to the window', () => {
  it('carries each call as the list shows it, and getCall the whole call, log and members', async () => {
    const { app, sim } = await signedInApp();
    const { id } = sim.calls.arrive({ fromName: 'Grace Hopper', toAddress: 'Support line' });
    let r = await app.waitFor('the ringing call', (x) => rowOf(x, id) !== undefined);
    const ringing = rowOf(r, id);
    expect(ringing).toMatchObject({ group: 'ringing', line: 'Support line' });
    expect(ringing?.caller).toMatch(/^Grace Hopper/);
    const pushed = lastState(r) as WindowState & Record<string, unknown>;
    expect(pushed).not.toHaveProperty('sessions');
    expect(pushed).not.toHaveProperty('recentlyEnded');

    const found = (await app.invoke(IPC.getCall, [id])) as FoundCall | null;
    expect(found?.ended).toBe(false);
    expect(found?.session.fromName).toBe('Grace Hopper');
    expect(found?.session.log?.length).toBeGreaterThan(0);
    expect(found?.session.members?.length).toBeGreaterThan(0);
    // None of the details crossed with the push.
    const firstLog = found?.session.log?.[0]?.message ?? '';
    expect(firstLog).not.toBe('');
    expect(JSON.stringify(pushed)).not.toContain(firstLog);

    // Answered: the row changes and its rev with it (open details fetch it again).
    sim.calls.answer(id);
    r = await app.waitFor('the call answered', (x) => rowOf(x, id)?.group === 'connected');
    expect(rowOf(r, id)?.rev).toBeGreaterThan(ringing?.rev ?? Infinity);
    const answered = (await app.invoke(IPC.getCall, [id])) as FoundCall | null;
    expect(answered?.session.callState).toBe('Connected');

    // Gone from the list: still there for its details, ended.
    sim.calls.remove(id);
    await app.waitFor('the call gone', (x) => rowOf(x, id) === undefined);
    expect(await app.invoke(IPC.getCall, [id])).toMatchObject({ ended: true, session: { id } });
  });

  it('answers null for a call it does not have, and refuses what is not a session id', async () => {
    const { app } = await signedInApp();
    expect(await app.invoke(IPC.getCall, ['no-such-call'])).toBeNull();
    await expect(app.invoke(IPC.getCall, [42])).rejects.toThrow(/session id/);
    await expect(app.invoke(IPC.getCall, [''])).rejects.toThrow(/session id/);
    await expect(app.invoke(IPC.getCall, ['x'.repeat(201)])).rejects.toThrow(/session id/);
    await expect(app.invoke(IPC.getCall, ['no-such-call'], 'foreign')).rejects.toThrow(
      /did not come from/,
    );
  });

  it('words the rows in the language in use, and words them again when it changes', async () => {
    const { app, sim } = await signedInApp({ settings: { pollIntervalMs: 1000, language: 'de' } });
    const { id } = sim.calls.arrive({ fromName: 'Ada', toAddress: 'Sales' });
    sim.calls.answer(id);
    sim.calls.hold(id, 'Blue');
    let r = await app.waitFor('the held call', (x) => rowOf(x, id)?.group === 'held');
    expect(rowOf(r, id)?.meta).toContain('Halteschleife: Blue');
    await app.invoke(IPC.updateSettings, [{ language: 'en' }]);
    r = await app.waitFor('the English row', (x) => lastState(x)?.locale === 'en');
    expect(rowOf(r, id)?.meta).toContain('Hold queue: Blue');
  });
});
