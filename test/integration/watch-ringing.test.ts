// `watch` against the simulator: how soon a ring is alerted, and how late it says it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import type { SessionEvent, WatchEvent } from '../../main/watch/events.js';
import { isConnection, isSession, startWatch, type WatchProcess } from './watch-process.js';

const NORMAL_MS = 1000;
const RINGING_MS = 500;

let sim: Simulator;
let watch: WatchProcess;

beforeAll(async () => {
  sim = await startSimulator();
  const agent = sim.users[0];
  if (!agent) throw new Error('the simulator has no users');
  watch = startWatch(
    [
      ...['--server', sim.url, '--user', agent.username],
      ...['--interval-ms', String(NORMAL_MS), '--ringing-interval-ms', String(RINGING_MS)],
    ],
    { EVO_PASSWORD: agent.password },
  );
  await watch.waitFor('the first online', isConnection('online'), { timeoutMs: 15_000 });
});
afterAll(async () => {
  watch?.kill('SIGKILL');
  await sim?.stop();
});

const listings = () => sim.requests.filter((r) => r.path === '/sessions/my' && r.status === 200);

/** Resolves once the simulator has answered a listing after `since` (its clock). */
async function listedAfter(since: number): Promise<number> {
  const seen = () => listings().find((r) => r.at > since);
  // The simulator runs in this process: its log is read between its answers.
  for (let i = 0; i < 250 && !seen(); i++) await new Promise((r) => setTimeout(r, 20));
  const found = seen();
  if (!found) throw new Error(`no poll after ${since}`);
  return found.at;
}

const latencyOf = (e: WatchEvent): number | undefined => (e as SessionEvent).latencyMs;

describe('watch, alert latency', () => {
  it('every ringing event carries latencyMs: never negative, never past the interval + 1 s', async () => {
    for (let n = 0; n < 3; n++) {
      const { id } = sim.calls.arrive({ fromName: `Caller ${n}` });
      const ringing = await watch.waitFor('ringing', isSession('ringing', id));
      const latency = latencyOf(ringing);
      expect(typeof latency).toBe('number');
      // Nothing else rang or queued: the normal interval was in force when it rang.
      expect(latency).toBeGreaterThanOrEqual(0);
      expect(latency).toBeLessThanOrEqual(NORMAL_MS + 1000);
      sim.calls.end(id);
      await watch.waitFor('ended', isSession('ended', id));
    }
  });

  it('a call queued first is polled fast, and alerted within the ringing interval + 1 s', async () => {
    const queuedAt = Date.now();
    const { id } = sim.calls.arrive({ queued: true, fromName: 'Queued Caller' });
    // Seen queued, then two more polls: fast ones, since a queued call is worth watching.
    const seenQueued = await listedAfter(queuedAt);
    const second = await listedAfter(seenQueued);
    const third = await listedAfter(second);
    expect(third - second).toBeLessThan(NORMAL_MS * 0.9); // below the normal interval's jitter

    const rangAt = Date.now();
    sim.calls.ring(id);
    const ringing = await watch.waitFor('ringing', isSession('ringing', id));
    const latency = latencyOf(ringing);
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThanOrEqual(RINGING_MS + 1000);
    // The poll that alerted it (the first after the ring, on the simulator's clock) came
    // within the ringing interval (and its jitter) of the ring.
    const sawIt = await listedAfter(rangAt);
    expect(sawIt - rangAt).toBeLessThanOrEqual(RINGING_MS * 1.1 + 1000);
    expect(watch.events.filter(isSession('ringing', id))).toHaveLength(1);
  });
});
