// The long run: 10,000 polls on a fake clock (with sleeps of the laptop) through the real client,
// watcher, ledger (a temp dir), alerts, app state and tray menu, against a seeded call center
// with random faults (resets, 429/503 with Retry-After, 502 pages, 401 expiries, captive
// portals, archived calls), random key casing and enums sent as integers; restarted from the
// ledger now and then. Throughout: one ringing alert per call, none for a call never listed
// ringing missed, no missed call lost or told twice, and memory (ledger, app state, menu,
// listeners, timers) bounded. LONG_RUN_SEED=n replays a run.
import { getEventListeners } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAlerts } from '../../main/app/alerts.js';
import {
  createAppStore,
  initialAppState,
  MISSED_LIMIT,
  RECENTLY_ENDED_LIMIT,
  withAccount,
} from '../../main/app/app-state.js';
import { MISSED_IN_MENU, trayMenu, type MenuModel } from '../../main/app/tray-menu.js';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { EvoApi } from '../../main/evo/api.js';
import { createEvoClient } from '../../main/evo/client.js';
import { FORGET_AFTER_MS } from '../../main/watch/decide.js';
import type { WatchEvent } from '../../main/watch/events.js';
import { ENDED_FILE, loadMemory } from '../../main/watch/ledger.js';
import { createWatcher, type Watcher } from '../../main/watch/watcher.js';
import { seededRandom } from '../../main/simulator/people.js';
import { callCenter, fakeClock } from './long-run-center.js';

const POLLS = 10_000;
const SEED = Number(process.env.LONG_RUN_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SERVER = 'https://evo.test';
const START = Date.parse('2026-11-30T08:00:00Z');

/** Counted items of every kind in a menu, submenus included. */
function menuSize(menu: MenuModel): number {
  return menu.reduce((n, item) => n + 1 + (item.kind === 'submenu' ? menuSize(item.items) : 0), 0);
}

/** Real timers alive in this process (the client's deadlines must all be cleared). */
const realTimers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

const dirs: string[] = [];
const running = new Set<Watcher>();
afterAll(async () => {
  await Promise.all([...running].map((watcher) => watcher.stop()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
});

describe(`the long run (LONG_RUN_SEED=${SEED})`, () => {
  it(`${POLLS} polls with faults, sleeps and restarts keep every promise, in bounded memory`, async () => {
    const random = seededRandom(SEED);
    const clock = fakeClock(START);
    const center = callCenter({ random, now: clock.now, faults: true, arrivals: true });
    const dir = await mkdtemp(join(tmpdir(), 'evo-long-run-'));
    dirs.push(dir);
    const events: WatchEvent[] = [];
    const timersAtStart = realTimers();
    let polls = 0;
    let busiest = 0;
    /** The long-lived signal the watcher hands the client at every poll (its stop signal). */
    let watcherSignal: AbortSignal | undefined;

    async function startApp() {
      const store = createAppStore(initialAppState(DEFAULT_SETTINGS, 'available'));
      store.update((s) => withAccount(s, { status: 'signed-in', server: SERVER }));
      const alerts = createAlerts(store, { show() {}, cards() {}, closeAll() {} }, clock.now);
      const client = createEvoClient({ fetch: center.fetch, now: clock.now });
      const faults = center.options.faults;
      center.options.faults = false; // the app's own sign-in is not what is under test here
      await client.signIn(SERVER, 'alex', 'pw-123456');
      center.options.faults = faults;
      const api: EvoApi = {
        ...client,
        getMySessions: (signal) => {
          watcherSignal = signal;
          return client.getMySessions(signal);
        },
      };
      const watcher = createWatcher({
        api,
        server: SERVER,
        username: 'alex',
        password: async () => 'pw-123456',
        timing: {
          pollIntervalMs: 3000,
          ringingIntervalMs: 1000,
          holdAlertDelayMs: 0,
          holdReminderMs: 120_000,
        },
        clock,
        random,
        stateDir: dir,
        onEvent: (e) => {
          events.push(e);
          if ('sessionId' in e)
            told.set(`${e.event} ${e.sessionId}`, count(e.event, e.sessionId) + 1);
          alerts.onEvent(e);
        },
        onPoll: (result) => {
          polls += 1;
          alerts.onPoll(result);
        },
      });
      running.add(watcher);
      await watcher.start();
      await settle(); // the first poll, sent at once
      return { store, watcher };
    }

    /** Lets the poll in flight finish: its work is promises only (the fetch is in-process). */
    /**
     * Until the poll loop has set its next timer. A poll that tells of something first writes
     * the ledger to the real disk (fsync): past a few turns, it waits in real milliseconds,
     * up to a deadline that is a guard (a stuck loop fails below), not a measure.
     */
    async function settle(): Promise<void> {
      for (let i = 0; i < 50 && clock.pending === 0; i++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (const until = Date.now() + 30_000; clock.pending === 0 && Date.now() < until;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }

    /** Events told per kind and call, kept as they come. */
    const told = new Map<string, number>();
    const count = (kind: WatchEvent['event'], id: string) => told.get(`${kind} ${id}`) ?? 0;
    const fail = (what: string) => `${what} (LONG_RUN_SEED=${SEED})`;

    function checkAlerts(): void {
      for (const id of center.servedRinging) {
        expect(count('ringing', id), fail(`one ringing alert for ${id}`)).toBe(1);
      }
      for (const call of center.calls.values()) {
        const kinds = ['missed', 'answered-elsewhere', 'ended'] as const;
        for (const kind of kinds)
          expect(count(kind, call.id), fail(`${kind} ${call.id}`)).toBeLessThanOrEqual(1);
        // Seen answered, never missed. (Answered unseen, say while the laptop slept, and
        // archived by the time it is looked up, it is judged by the ring last seen: missed.)
        if (center.servedAnswered.has(call.id))
          expect(count('missed', call.id), fail(`answered ${call.id}`)).toBe(0);
        if (!center.servedRinging.has(call.id)) expect(count('ringing', call.id)).toBe(0);
      }
      const unknown = events.filter((e) => 'sessionId' in e && !center.calls.has(e.sessionId));
      expect(unknown, fail('events only for real calls')).toEqual([]);
    }

    async function checkLedger(): Promise<void> {
      const { memory } = await loadMemory(dir, clock.now());
      const remembered = [...Object.keys(memory.sessions), ...memory.ended.map((e) => e.id)];
      for (const id of remembered) {
        const listedAgo = clock.now() - (center.calls.get(id)?.lastListedAt ?? 0);
        expect(listedAgo, fail(`${id} forgotten after a day`)).toBeLessThan(
          FORGET_AFTER_MS + 3_600_000,
        );
      }
      const lines = (await readFile(join(dir, ENDED_FILE), 'utf8').catch(() => '')).split('\n');
      expect(lines.length, fail('ended file rewritten when stale')).toBeLessThan(
        2 * memory.ended.length + 1100,
      );
    }

    function checkBounded(store: ReturnType<typeof createAppStore>): void {
      // The app shows the last answer (stale while offline): bounded by the busiest moment.
      const state = store.get();
      expect(state.sessions.length, fail('app sessions')).toBeLessThanOrEqual(busiest);
      expect(state.missed.length, fail('app missed')).toBeLessThanOrEqual(MISSED_LIMIT);
      // A call's ringing alert (its latency) is kept while the call is shown, ended ones too.
      expect(state.ringing.length, fail('app ringing alerts')).toBeLessThanOrEqual(
        busiest + RECENTLY_ENDED_LIMIT,
      );
      expect(state.recentlyEnded.length, fail('app ended')).toBeLessThanOrEqual(
        RECENTLY_ENDED_LIMIT,
      );
      // Each live call in the menu may open on Details and up to three actions (Hold,
      // Transfer…, Hang up); each missed call on Details, Call back and Copy number.
      expect(menuSize(trayMenu(state, clock.now())), fail('menu')).toBeLessThanOrEqual(
        40 + 5 * busiest + 3 * MISSED_IN_MENU,
      );
      expect(clock.pending, fail('one poll timer at a time')).toBeLessThanOrEqual(1);
      expect(realTimers(), fail('no deadline timer left behind')).toBeLessThanOrEqual(
        timersAtStart + 2,
      );
      if (watcherSignal)
        expect(
          getEventListeners(watcherSignal, 'abort').length,
          fail('listeners'),
        ).toBeLessThanOrEqual(1);
    }

    let app: { store: ReturnType<typeof createAppStore>; watcher: Watcher } = await startApp();
    let nextRestart = 500 + Math.floor(random() * 1500);
    let longestGap = 0;
    while (polls < POLLS) {
      center.step();
      busiest = Math.max(
        busiest,
        [...center.calls.values()].filter((c) => c.phase !== 'gone').length,
      );
      // Now and then the laptop sleeps for up to four hours before the next poll.
      const sleep = random() < 0.004 ? Math.floor(random() * 4 * 3_600_000) : 0;
      const before = clock.now();
      if (!clock.fireNext(sleep)) {
        const last = events.slice(-3).map((e) => `${e.event}: ${e.body}`);
        throw new Error(
          fail(`the watcher stopped polling after ${polls} polls: ${last.join(' / ')}`),
        );
      }
      longestGap = Math.max(longestGap, clock.now() - before);
      await settle();
      if (polls % 100 === 0) {
        checkAlerts();
        checkBounded(app.store);
      }
      if (polls >= nextRestart) {
        await app.watcher.stop();
        running.delete(app.watcher);
        await checkLedger();
        app = await startApp();
        nextRestart = polls + 500 + Math.floor(random() * 1500);
      }
    }

    // The drain: no new calls, no faults, until every call has ended and been told.
    center.options.arrivals = false;
    center.options.faults = false;
    for (let i = 0; i < 2000 && [...center.calls.values()].some((c) => c.phase !== 'gone'); i++) {
      center.step();
      clock.fireNext();
      await settle();
    }
    for (let i = 0; i < 60; i++) {
      clock.fireNext();
      await settle();
    }
    await app.watcher.stop();
    checkAlerts();
    await checkLedger();

    // No missed call lost: every call left ringing that was seen ringing is told missed, once.
    const missed = [...center.calls.values()].filter((c) => c.fate === 'missed');
    for (const call of missed.filter((c) => center.servedRinging.has(c.id))) {
      expect(count('missed', call.id), fail(`missed ${call.id} told once`)).toBe(1);
    }
    // The run was what it claims: many calls of every fate, restarts, a day and more of time.
    expect(missed.length).toBeGreaterThan(50);
    expect(clock.now() - START).toBeGreaterThan(FORGET_AFTER_MS);
    expect(longestGap).toBeGreaterThan(600_000);
    expect(events.filter((e) => e.event === 'connection').length).toBeGreaterThan(10);
  }, 120_000);
});
