// `watch` against the simulator: the calls missed while it was not running are reported once,
// as `missed` events with "whileAway": true, and never again after another restart.
//   npx vitest run test/integration/watch-away.test.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import type { WatchEvent } from '../../main/watch/events.js';
import { isConnection, startWatch, type WatchProcess } from './watch-process.js';

let sim: Simulator;
let stateDir: string;
const running: WatchProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  stateDir = mkdtempSync(join(tmpdir(), 'evo-watch-away-'));
});
afterAll(async () => {
  for (const w of running) w.kill('SIGKILL');
  await sim?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function runWatch(): Promise<WatchProcess> {
  const agent = sim.users[0];
  if (!agent) throw new Error('the simulator has no users');
  const watch = startWatch(
    [
      ...['--server', sim.url, '--user', agent.username, '--state-dir', stateDir],
      ...['--interval-ms', '100', '--request-timeout-ms', '2000'],
    ],
    { EVO_PASSWORD: agent.password },
  );
  running.push(watch);
  await watch.waitFor('the first online', isConnection('online'), { timeoutMs: 15_000 });
  return watch;
}

async function stop(watch: WatchProcess): Promise<void> {
  watch.kill('SIGTERM');
  expect(await watch.exited).toBe(0);
}

const whileAway = (e: WatchEvent) =>
  e.event === 'missed' && 'whileAway' in e && e.whileAway === true;

it('reports the calls missed while it was not running, once, across restarts', async () => {
  // A first run, so there is a "last watched" to go back to.
  const first = await runWatch();
  const seenBefore = sim.calls.arrive({ fromName: 'Seen Live' });
  await first.waitFor(
    'the live ring',
    (e) => e.event === 'ringing' && 'sessionId' in e && e.sessionId === seenBefore.id,
  );
  sim.calls.miss(seenBefore.id);
  await first.waitFor(
    'the live miss',
    (e) => e.event === 'missed' && 'sessionId' in e && e.sessionId === seenBefore.id,
  );
  sim.calls.remove(seenBefore.id);
  await stop(first);

  // Away: two calls missed, more than a page of answered history besides (paging).
  const missedIds = [
    sim.away.missCall({ fromName: 'Ada Away', fromAddress: '+15035550101' }).id,
    sim.away.missCall({ fromName: 'Bob Away', fromAddress: '+15035550102' }).id,
  ];
  for (let i = 0; i < 60; i += 1) {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    sim.calls.end(id);
    sim.calls.remove(id);
  }

  const second = await runWatch();
  for (const id of missedIds) {
    await second.waitFor(
      `while away ${id}`,
      (e) => whileAway(e) && 'sessionId' in e && e.sessionId === id,
    );
  }
  const away = second.events.filter(whileAway);
  expect(away.map((e) => ('sessionId' in e ? e.sessionId : '')).sort()).toEqual(
    [...missedIds].sort(),
  );
  // The call the live engine reported is not reported again.
  expect(second.events.some((e) => 'sessionId' in e && e.sessionId === seenBefore.id)).toBe(false);
  const pages = sim.requests.filter((r) => r.path === '/portal/call-history');
  expect(pages.length).toBeGreaterThanOrEqual(2);
  await stop(second);

  const third = await runWatch();
  // One more poll round than the history read needs, then nothing was reported again.
  const mark = third.mark();
  const asked = sim.requests.length;
  await expect
    .poll(() => sim.requests.filter((r, i) => i >= asked && r.path === '/sessions/my').length, {
      timeout: 10_000,
    })
    .toBeGreaterThanOrEqual(3);
  expect(third.events.slice(mark).filter(whileAway)).toEqual([]);
  expect(third.events.filter(whileAway)).toEqual([]);
  await stop(third);
});
