import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { ENDED_FILE, LEDGER_FILE, saveMemory } from '../../main/watch/ledger.js';
import type * as Ledger from '../../main/watch/ledger.js';
import { fakeEvo, hangUntilAborted, ringing, run, useFakeClock, watch } from './watcher-fakes.js';

// The real ledger, observed: tests may slow its writes down to catch overlapping saves.
vi.mock('../../main/watch/ledger.js', async (importOriginal) => {
  const real = await importOriginal<typeof Ledger>();
  return { ...real, saveMemory: vi.fn(real.saveMemory) };
});
const realLedger = await vi.importActual<typeof Ledger>('../../main/watch/ledger.js');

/** Fake time moves this far at once, then waits for the disk: below a poll interval. */
const STEP_MS = 50;
const writes = () => vi.mocked(saveMemory).mock.results.map((r) => r.value as Promise<void>);

/** Until every ledger write asked for so far is on disk and what waited on it has run. */
async function diskDone(): Promise<void> {
  for (let seen = -1; seen !== writes().length;) {
    seen = writes().length;
    await Promise.allSettled(writes());
    await run(0);
  }
}

/**
 * The fake clock, with a real disk under it: the watcher tells of an event only once the
 * ledger is written, so time moves on in small steps and each waits for the writes it caused.
 */
async function runWithDisk(ms: number): Promise<void> {
  const end = Date.now() + ms;
  await run(0);
  await diskDone();
  for (let step = Math.min(STEP_MS, end - Date.now()); step > 0;) {
    await run(step);
    await diskDone();
    step = Math.min(STEP_MS, end - Date.now());
  }
}

beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watcher with a ledger', () => {
  let dir = '';
  beforeEach(async () => {
    vi.mocked(saveMemory).mockClear();
    dir = await mkdtemp(join(tmpdir(), 'evo-watcher-'));
  });
  afterEach(async () => {
    vi.mocked(saveMemory).mockImplementation(realLedger.saveMemory);
    await rm(dir, { recursive: true, force: true });
  });

  it('remembers across a restart: a call still ringing does not alert again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await runWithDisk(0);
    await first.watcher.stop();
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await runWithDisk(3000);
    expect(second.kinds()).toEqual(['connection:online']);
    evo.state.listed = [ringing('s1'), ringing('s2')];
    await runWithDisk(1000);
    expect(second.kinds()).toEqual(['connection:online', 'ringing']);
    expect(second.events[1]).toMatchObject({ sessionId: 's2' });
    await second.watcher.stop();
  });

  it('a lookup left pending at a restart is asked again by the next run, and its answer counts', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await runWithDisk(0);
    evo.state.listed = [];
    evo.state.nextLookupFailures.push(new EvoApiError('timeout', 'evo.test did not answer.'));
    await runWithDisk(2000);
    await first.watcher.stop();
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await runWithDisk(0);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(second.kinds()).toEqual(['connection:online', 'answered-elsewhere', 'ended']);
    await second.watcher.stop();
  });

  it('stop during a lookup gives it up, keeps it pending, and the next run asks again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await runWithDisk(0);
    evo.state.listed = [];
    evo.api.getSession.mockImplementationOnce((_id, signal) => hangUntilAborted(signal));
    await runWithDisk(2000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    await first.watcher.stop();
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await runWithDisk(0);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(second.kinds()).toEqual(['connection:online', 'missed', 'ended']);
    await second.watcher.stop();
  });

  it('saves after each change, without waiting for stop', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await runWithDisk(0);
    await vi.waitFor(async () => {
      const { memory } = await realLedger.loadMemory(dir, Date.now());
      expect(Object.keys(memory.sessions)).toEqual(['s1']);
    });
    await w.watcher.stop();
  });

  it('an unchanged call list is written at most once a minute, not on every poll', async () => {
    vi.mocked(saveMemory).mockImplementation(async () => {}); // an instant disk
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
    expect(saveMemory).toHaveBeenCalledTimes(1);
    await run(50_000); // many polls of the same answer within the minute
    expect(saveMemory).toHaveBeenCalledTimes(1);
    await run(20_000); // past the minute: lastSeenAt is worth keeping fresh again
    expect(saveMemory).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });

  it('never writes the ledger twice at once, and the last write holds the newest memory', async () => {
    let writing = 0;
    let overlapped = false;
    vi.mocked(saveMemory).mockImplementation(async (...args) => {
      writing += 1;
      overlapped ||= writing > 1;
      try {
        await realLedger.saveMemory(...args);
      } finally {
        writing -= 1;
      }
    });
    const evo = fakeEvo();
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    for (let i = 1; i <= 5; i += 1) {
      evo.state.listed = [...evo.state.listed, ringing(`s${i}`)];
      await runWithDisk(1000);
    }
    await w.watcher.stop();
    expect(overlapped).toBe(false);
    expect(vi.mocked(saveMemory).mock.calls.length).toBeGreaterThan(1);
    expect(w.kinds().filter((k) => k === 'ringing')).toHaveLength(5);
    const { memory } = await realLedger.loadMemory(dir, Date.now());
    expect(Object.keys(memory.sessions).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('logs the warning of an unreadable ledger and starts fresh', async () => {
    await writeFile(join(dir, realLedger.LEDGER_FILE), '{ not json');
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await runWithDisk(0);
    expect(w.logLines.some((l) => l.startsWith('warn') && l.includes('not valid JSON'))).toBe(true);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });

  it('records each call in the ledger on disk before it tells of it (ringing, then answered elsewhere and ended)', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    /** What the files held at the moment each event was told (a kill -9 could come next). */
    const onDisk: string[] = [];
    const read = (name: string) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return '';
      }
    };
    const w = watch(evo, {
      stateDir: dir,
      onEvent: (e) => {
        if (!('sessionId' in e)) return;
        const sessions = read(LEDGER_FILE) === '' ? {} : JSON.parse(read(LEDGER_FILE)).sessions;
        const tracked = Object.hasOwn(sessions, e.sessionId) ? 'tracked' : 'untracked';
        const ended = read(ENDED_FILE).includes(`"id":"${e.sessionId}"`) ? 'ended' : 'not-ended';
        onDisk.push(`${e.event} ${e.sessionId} ${tracked} ${ended}`);
      },
    });
    await w.watcher.start();
    await runWithDisk(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    await runWithDisk(2000);
    await w.watcher.stop();
    expect(onDisk[0]).toBe('ringing s1 tracked not-ended');
    expect(onDisk.map((l) => l.split(' ')[0])).toEqual(['ringing', 'answered-elsewhere', 'ended']);
    // Once a call is settled, its line is in the ended file before the agent hears of it.
    for (const line of onDisk.slice(1)) expect(line).toMatch(/ ended$/);
  });
});
