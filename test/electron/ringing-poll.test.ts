// The built app polls faster while a call rings, and keeps polling behind a locked screen.
//   npx electron-vite build && npx vitest run test/electron/ringing-poll.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../main/simulator/types.js';
import { lastState, polls, signedInApp, stopAll } from './scenario.js';

afterEach(stopAll);

const NORMAL_MS = 1500;
const RINGING_MS = 500;
const settings = { pollIntervalMs: NORMAL_MS, ringingIntervalMs: RINGING_MS };

/** The gaps between the simulator's answers to /sessions/my from the `from`-th on. */
const gaps = (sim: Simulator, from: number): number[] =>
  polls(sim)
    .slice(from)
    .map((p, i, all) => (i === 0 ? 0 : p.at - (all[i - 1]?.at ?? 0)))
    .slice(1);

describe('polling while a call rings', () => {
  it('polls at the ringing interval while a call rings, and at the normal one after', async () => {
    const { app, sim } = await signedInApp({ settings });
    const { id } = sim.calls.arrive({ fromName: 'Jane Doe' });
    const alerted = await app.waitFor('the ringing alert in the state', (r) =>
      Boolean(lastState(r)?.ringing.some((a) => a.sessionId === id)),
    );
    const alert = lastState(alerted)?.ringing.find((a) => a.sessionId === id);
    expect(alert?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(alert?.latencyMs).toBeLessThanOrEqual(NORMAL_MS + 1000);

    const ringingFrom = polls(sim).length;
    await app.waitFor('three polls while it rings', () => polls(sim).length >= ringingFrom + 4);
    // Each wait is the ringing interval ±10 %, far below the normal interval's 90 %.
    for (const gap of gaps(sim, ringingFrom)) expect(gap).toBeLessThan(NORMAL_MS * 0.9);

    sim.calls.answer(id);
    const answeredAt = polls(sim).length;
    await app.waitFor('the answer seen', () => polls(sim).length > answeredAt);
    const normalFrom = polls(sim).length;
    await app.waitFor('two polls after', () => polls(sim).length >= normalFrom + 2);
    for (const gap of gaps(sim, normalFrom - 1)) {
      expect(gap).toBeGreaterThanOrEqual(NORMAL_MS * 0.9);
    }
  }, 20_000);

  it('keeps polling behind a locked screen, and polls within a second of unlocking', async () => {
    // The default interval: a poll within a second of unlocking cannot be a regular one.
    const normalMs = 3000;
    const { app, sim } = await signedInApp({ settings: { ...settings, pollIntervalMs: normalMs } });
    await app.request({ cmd: 'power', event: 'lock-screen' });
    const locked = polls(sim).length;
    await app.waitFor('a poll while locked', () => polls(sim).length > locked);
    // A call that rings while locked is alerted (ringing aloud is what an agent away hears).
    const { id } = sim.calls.arrive();
    await app.waitFor('ringing while locked', (r) =>
      Boolean(lastState(r)?.ringing.some((a) => a.sessionId === id)),
    );
    sim.calls.answer(id);
    await app.waitFor('answered while locked', (r) =>
      Boolean(lastState(r)?.calls.some((s) => s.id === id && s.group === 'connected')),
    );
    // Right after a regular poll, unlock: the next poll comes within the wake jitter, long
    // before the normal interval (at least 2.7 s) would bring it.
    const seen = polls(sim).length;
    await app.waitFor('a regular poll', () => polls(sim).length > seen);
    const last = polls(sim).length;
    await app.request({ cmd: 'power', event: 'unlock-screen' });
    await app.waitFor('a poll on unlocking', () => polls(sim).length > last);
    const [before, after] = polls(sim).slice(last - 1, last + 1);
    expect((after?.at ?? 0) - (before?.at ?? 0)).toBeLessThan(normalMs * 0.9);
  }, 20_000);
});
