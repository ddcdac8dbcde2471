// `watch` killed with SIGKILL at seeded random moments and started again, against the
// simulator, while calls ring, are answered, missed, answered elsewhere and end: across all
// the runs no line is repeated (the ledger records an event before it is printed) and none is
// lost. Needs `npm run build`. WATCH_CRASH_SEED=n replays the moments and the calls.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/simulator/people.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import type { WatchEvent } from '../../main/watch/events.js';
import { loadMemory } from '../../main/watch/ledger.js';
import { BUILT_WATCH, isConnection, startWatch, type WatchProcess } from './watch-process.js';

const SEED = Number(process.env.WATCH_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 28;
/** Kills landing between a ledger write and its line (each loses that line, by design). */
const MOST_LOST_IN_THE_WINDOW = 3;
const built = new URL(`../../${BUILT_WATCH}`, import.meta.url);

let sim: Simulator;
let dir = '';
beforeAll(async () => {
  if (!existsSync(built)) throw new Error(`${BUILT_WATCH} is missing: run npm run build first`);
  sim = await startSimulator();
  dir = await mkdtemp(join(tmpdir(), 'evo-watch-crash-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

type Fate = 'answered' | 'missed' | 'answered-elsewhere';
interface Call {
  id: string;
  fate: Fate;
  /** What the driver has done to it so far. */
  stage: 'ringing' | 'connected' | 'done';
}

const SETTLING = new Set<WatchEvent['event']>(['missed', 'ended', 'answered-elsewhere']);
const ONCE = new Set<WatchEvent['event']>([
  'ringing',
  'answered',
  'answered-elsewhere',
  'missed',
  'ended',
]);

describe(`watch killed with -9 (WATCH_CRASH_SEED=${SEED})`, () => {
  it(`${KILLS} kills at seeded moments: no line repeated, none lost`, async () => {
    const random = seededRandom(SEED);
    const agent = sim.users[0];
    if (!agent) throw new Error('the simulator has no users');
    const args = [
      ...['--server', sim.url, '--user', agent.username, '--state-dir', dir],
      ...['--interval-ms', '100', '--ringing-interval-ms', '500', '--hold-reminder-ms', '0'],
    ];
    const start = () => startWatch(args, { EVO_PASSWORD: agent.password }, 'built');
    const fail = (what: string) => `${what} (WATCH_CRASH_SEED=${SEED})`;

    const calls: Call[] = [];
    /** One step of the calls' lives, chosen by the seed (the driver, between the kills). */
    const act = () => {
      const live = calls.filter((c) => c.stage !== 'done');
      if (live.length < 3 && random() < 0.5) {
        const fates: Fate[] = ['answered', 'missed', 'answered-elsewhere'];
        const fate = fates[Math.floor(random() * fates.length)] ?? 'missed';
        calls.push({
          id: sim.calls.arrive({ fromName: `Caller ${calls.length}` }).id,
          fate,
          stage: 'ringing',
        });
        return;
      }
      const call = live[Math.floor(random() * live.length)];
      if (call) advance(call);
    };
    const advance = (call: Call) => {
      if (call.stage === 'connected') {
        sim.calls.end(call.id);
        call.stage = 'done';
      } else if (call.fate === 'answered') {
        sim.calls.answer(call.id);
        call.stage = 'connected';
      } else {
        if (call.fate === 'missed') sim.calls.miss(call.id);
        else sim.calls.answerElsewhere(call.id, 'Sam Colleague');
        call.stage = 'done';
      }
    };

    const runs: WatchProcess[] = [];
    // The first run is let online first: calls missed before any run watched are not news.
    const first = start();
    runs.push(first);
    await first.waitFor('online', isConnection('online'), { timeoutMs: 20_000 });

    for (let kill = 0; kill < KILLS; kill += 1) {
      const watch = runs.at(-1) ?? start();
      // Seeded moments: the calls change a few times, then the kill comes at a random point,
      // anywhere from starting up to between a ledger write and a line.
      const steps = Math.floor(random() * 4);
      for (let s = 0; s < steps; s += 1) {
        await sleep(20 + Math.floor(random() * 250));
        act();
      }
      const lines = watch.mark();
      if (random() < 0.6) {
        // Just after a line about a call: the moment a run that printed before it recorded
        // (today's bug) is still writing its ledger.
        act();
        await watch
          .waitFor('a line about a call', (e) => 'sessionId' in e, {
            since: lines,
            timeoutMs: 1500,
          })
          .catch(() => undefined);
      } else {
        await sleep(Math.floor(random() * 400));
      }
      watch.kill('SIGKILL');
      expect(await watch.exited, fail('killed')).toBeNull();
      runs.push(start());
    }

    // Every call ends; the last run tells of it all, then stops on SIGTERM.
    for (const call of calls) while (call.stage !== 'done') advance(call);
    const last = runs.at(-1);
    if (!last) throw new Error('no run');
    const everything = () => runs.flatMap((r) => r.events);
    const seenRinging = () =>
      new Set(everything().flatMap((e) => (e.event === 'ringing' ? [e.sessionId] : [])));
    const settled = (id: string) =>
      everything().some((e) => 'sessionId' in e && e.sessionId === id && SETTLING.has(e.event));
    const missed = (id: string) =>
      everything().some((e) => e.event === 'missed' && e.sessionId === id);
    const owed = () =>
      calls.filter(
        (c) =>
          (seenRinging().has(c.id) && !settled(c.id)) || (c.fate === 'missed' && !missed(c.id)),
      );
    await last.waitFor('online', isConnection('online'), { timeoutMs: 20_000 });
    // A deadline, not a timing assertion: what is still owed after it is reported as lost.
    for (const until = Date.now() + 20_000; owed().length > 0 && Date.now() < until;) {
      await sleep(50);
    }
    last.kill('SIGTERM');
    expect(await last.exited, fail('the last run stopped')).toBe(0);

    const told = everything().flatMap((e) =>
      'sessionId' in e && ONCE.has(e.event) ? [`${e.event} ${e.sessionId}`] : [],
    );
    const repeated = told.filter((line, i) => told.indexOf(line) !== i);
    expect(repeated, fail('repeated lines')).toEqual([]);
    // None lost: every call is told of, live or on return. A kill that lands after a ledger
    // write (renamed, its folder still syncing) and before its line loses that line by design
    // (never repeats it): such a call is in the ledger as told. Those are the only excuse, and
    // they stay rare (a few of the kills land in that window at most).
    const { memory } = await loadMemory(dir, Date.now());
    const recordedAsTold = (c: Call): boolean => {
      const ended = memory.ended.find((e) => e.id === c.id);
      const t = memory.sessions[c.id];
      if (c.fate === 'missed') return (ended ?? t)?.outcome === 'missed';
      return ended !== undefined || t?.endedSent === true || (t?.outcome ?? null) !== null;
    };
    const lost = owed();
    const unexplained = lost.filter((c) => !recordedAsTold(c)).map((c) => `${c.id} (${c.fate})`);
    expect(unexplained, fail('calls never told and not in the ledger')).toEqual([]);
    expect(
      lost.length,
      fail('calls lost between a ledger write and their line'),
    ).toBeLessThanOrEqual(MOST_LOST_IN_THE_WINDOW);
    // The run did what it is for: calls were told of, and kills landed mid-way.
    expect(
      told.filter((l) => l.startsWith('ringing')).length,
      fail('ringing lines'),
    ).toBeGreaterThan(3);
    expect(
      calls.some((c) => c.fate === 'missed'),
      fail('a missed call'),
    ).toBe(true);
    expect(everything().filter((e) => SETTLING.has(e.event)).length).toBeGreaterThan(0);
  }, 120_000);
});
