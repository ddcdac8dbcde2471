import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { saveMemory } from '../../main/watch/ledger.js';
import type * as Ledger from '../../main/watch/ledger.js';
import { fakeEvo, hangUntilAborted, ringing, run, useFakeClock, watch } from './watcher-fakes.js';

// The real ledger, observed: tests may slow its writes down to catch overlapping saves.
vi.mock('../../main/watch/ledger.js', async (importOriginal) => {
  const real = await importOriginal<typeof Ledger>();
  return { ...real, saveMemory: vi.fn(real.saveMemory) };
});
const realLedger = await vi.importActual<typeof Ledger>('../../main/watch/ledger.js');

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
    await run(0);
    await first.watcher.stop();
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await run(3000);
    expect(second.kinds()).toEqual(['connection:online']);
    evo.state.listed = [ringing('s1'), ringing('s2')];
    await run(1000);
    expect(second.kinds()).toEqual(['connection:online', 'ringing']);
    expect(second.events[1]).toMatchObject({ sessionId: 's2' });
    await second.watcher.stop();
  });

  it('a lookup left pending at a restart is asked again by the next run, and its answer counts', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.nextLookupFailures.push(new EvoApiError('timeout', 'evo.test did not answer.'));
    await run(2000);
    await first.watcher.stop();
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await run(0);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(second.kinds()).toEqual(['connection:online', 'answered-elsewhere', 'ended']);
    await second.watcher.stop();
  });

  it('stop during a lookup gives it up, keeps it pending, and the next run asks again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const first = watch(evo, { stateDir: dir });
    await first.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.api.getSession.mockImplementationOnce((_id, signal) => hangUntilAborted(signal));
    await run(2000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    await first.watcher.stop();
    expect(first.kinds()).toEqual(['connection:online', 'ringing']);

    const second = watch(evo, { stateDir: dir });
    await second.watcher.start();
    await run(0);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(second.kinds()).toEqual(['connection:online', 'missed', 'ended']);
    await second.watcher.stop();
  });

  it('saves after each change, without waiting for stop', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
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
    // a slow disk: each write waits until the test lets it through
    const waitingWrites: (() => void)[] = [];
    vi.mocked(saveMemory).mockImplementation(async (...args) => {
      writing += 1;
      overlapped ||= writing > 1;
      await new Promise<void>((resolve) => waitingWrites.push(resolve));
      await realLedger.saveMemory(...args);
      writing -= 1;
    });
    const evo = fakeEvo();
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    for (let i = 1; i <= 5; i += 1) {
      evo.state.listed = [...evo.state.listed, ringing(`s${i}`)];
      await run(1000);
    }
    // five changed decisions so far, one write started: the others wait their turn
    expect(saveMemory).toHaveBeenCalledTimes(1);
    let stopped = false;
    void w.watcher.stop().then(() => (stopped = true));
    await vi.waitFor(
      () => {
        waitingWrites.shift()?.();
        expect(stopped).toBe(true);
      },
      { timeout: 5000, interval: 5 },
    );
    expect(overlapped).toBe(false);
    expect(vi.mocked(saveMemory).mock.calls.length).toBeGreaterThan(1);
    const { memory } = await realLedger.loadMemory(dir, Date.now());
    expect(Object.keys(memory.sessions).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('logs the warning of an unreadable ledger and starts fresh', async () => {
    await writeFile(join(dir, realLedger.LEDGER_FILE), '{ not json');
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { stateDir: dir });
    await w.watcher.start();
    await run(0);
    expect(w.logLines.some((l) => l.startsWith('warn') && l.includes('not valid JSON'))).toBe(true);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });
});
