import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMemory, FORGET_AFTER_MS } from '../../main/watch/decide.js';
import {
  ENDED_FILE,
  LEDGER_FILE,
  loadMemory,
  newJournal,
  saveMemory,
} from '../../main/watch/ledger.js';
import { connected, held, ringing, Watch } from './decide-script.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A memory with a ringing, a held and a connected call, and the time it was taken. */
function someMemory() {
  const w = new Watch();
  w.poll([
    ringing('s1', {
      log: [{ date: '2026-03-02', message: 'transferred by admin' }],
      members: [{ identity: 'agent-7', callSid: 'CA123' }],
      consoleData: '{"crm":"secret-ish"}',
    }),
    held('s2'),
    connected('s3'),
  ]);
  return { memory: w.memory, now: w.now };
}

describe('ledger', () => {
  it('a missing file is a first run: empty memory, no warning', async () => {
    expect(await loadMemory(dir, 0)).toEqual({ memory: emptyMemory() });
  });

  it('round-trips the remembered sessions', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    const loaded = await loadMemory(dir, now + 1000);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.memory.sessions).toStrictEqual(memory.sessions);
  });

  it('round-trips hostile ids as ordinary calls: a ringing __proto__ does not ring again after a restart', async () => {
    const before = new Watch();
    const calls = [
      ringing('__proto__'),
      held('constructor'),
      connected('toString'),
      ringing('hasOwnProperty'),
    ];
    before.poll(calls);
    expect(before.said()).toEqual([
      'ringing __proto__',
      'held constructor',
      'ringing hasOwnProperty',
    ]);
    await saveMemory(dir, before.memory, before.now);

    const loaded = await loadMemory(dir, before.now + 3000);
    expect(loaded.warning).toBeUndefined();
    expect(Object.keys(loaded.memory.sessions).sort()).toEqual(
      ['__proto__', 'constructor', 'hasOwnProperty', 'toString'].sort(),
    );
    // (As text: vitest's equality takes an own `constructor` key for the object's class.)
    expect(JSON.stringify(loaded.memory.sessions)).toBe(JSON.stringify(before.memory.sessions));

    const after = new Watch(undefined, loaded.memory, before.now + 3000);
    after.poll(calls);
    after.poll([connected('__proto__'), ...calls.slice(1)]);
    expect(after.said()).toEqual(['answered __proto__']);
    expect(({} as Record<string, unknown>)['awaitingAnswer']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.hasOwn(Object, 'session')).toBe(false);
    expect(Object.hasOwn(Object.prototype.toString, 'session')).toBe(false);
  });

  it('does not keep the connection status: a new run starts unknown', async () => {
    const { memory, now } = someMemory();
    expect(memory.connection).toBe('online');
    await saveMemory(dir, memory, now);
    expect((await loadMemory(dir, now)).memory.connection).toBe('unknown');
  });

  it('keeps ids, states and names, never logs, members or console data', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    const text = await readFile(join(dir, LEDGER_FILE), 'utf8');
    expect(text).toContain('"s1"');
    expect(text).not.toContain('transferred by admin');
    expect(text).not.toContain('agent-7');
    expect(text).not.toContain('secret-ish');
  });

  it('writes atomically: no temp file is left, and a rewrite replaces the file whole', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    await saveMemory(dir, emptyMemory(), now + 1);
    expect(await readdir(dir)).toEqual([LEDGER_FILE]);
    expect((await loadMemory(dir, now + 2)).memory.sessions).toEqual({});
  });

  it('creates its directory when missing', async () => {
    const nested = join(dir, 'state', 'evo');
    const { memory, now } = someMemory();
    await saveMemory(nested, memory, now);
    expect(Object.keys((await loadMemory(nested, now)).memory.sessions).sort()).toEqual([
      's1',
      's2',
      's3',
    ]);
  });

  it('a failed write leaves the old ledger intact and no temp file behind', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    const looping: Record<string, unknown> = { ...memory.sessions['s1'] };
    looping['self'] = looping; // JSON.stringify throws on a cycle, mid-save
    const broken = { ...memory, sessions: { ...memory.sessions, s1: looping as never } };
    await expect(saveMemory(dir, broken, now)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([LEDGER_FILE]);
    expect((await loadMemory(dir, now)).memory.sessions).toStrictEqual(memory.sessions);
  });

  it.each([
    ['not JSON', '{"version":1,"sess'],
    ['the wrong shape', '[1,2,3]'],
    ['another version', '{"version":3,"savedAt":0,"sessions":{}}'],
    ['empty', ''],
  ])('a file that is %s loads as empty memory with a warning', async (_what, content) => {
    await writeFile(join(dir, LEDGER_FILE), content);
    const { memory, warning } = await loadMemory(dir, 0);
    expect(memory).toEqual(emptyMemory());
    expect(warning).toMatch(/call ledger .*watch-ledger\.json.*Starting fresh/);
  });

  it('a folder where the file goes loads as empty memory, refused with a warning', async () => {
    await rm(dir, { recursive: true });
    await mkdir(join(dir, LEDGER_FILE), { recursive: true }); // a directory where the file goes
    const { memory, warning, refused } = await loadMemory(dir, 0);
    expect(memory).toEqual(emptyMemory());
    expect(warning).toMatch(/is not a regular file/);
    expect(refused).toBe(true);
  });

  it('keeps the good entries of a damaged file and warns about the rest', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    const file = JSON.parse(await readFile(join(dir, LEDGER_FILE), 'utf8'));
    file.sessions.s2.awaitingAnswer = 'maybe';
    file.sessions.s3 = { session: { id: 'someone-else' } };
    file.sessions.s1.session.log = [{ message: 'smuggled' }];
    await writeFile(join(dir, LEDGER_FILE), JSON.stringify(file));

    const loaded = await loadMemory(dir, now);
    expect(Object.keys(loaded.memory.sessions)).toEqual(['s1']);
    expect(loaded.memory.sessions['s1']).toStrictEqual(memory.sessions['s1']);
    expect(loaded.warning).toMatch(/Skipped 2 unreadable entries/);
  });

  it('prunes sessions not seen for 24 hours, on save and on load', async () => {
    const { memory, now } = someMemory();
    await saveMemory(dir, memory, now);
    expect((await loadMemory(dir, now + FORGET_AFTER_MS - 1)).memory.sessions).not.toEqual({});
    expect((await loadMemory(dir, now + FORGET_AFTER_MS)).memory.sessions).toEqual({});

    await saveMemory(dir, memory, now + FORGET_AFTER_MS);
    const text = await readFile(join(dir, LEDGER_FILE), 'utf8');
    expect(JSON.parse(text).sessions).toEqual({});
  });

  it('round-trips ended calls: one that was missed and shows up ringing again does not ring', async () => {
    const before = new Watch();
    before.poll([ringing('gone')]);
    before.poll([]);
    before.poll([]);
    before.lookup('gone', 'failed');
    expect(before.memory.ended.map((e) => e.id)).toEqual(['gone']);
    await saveMemory(dir, before.memory, before.now);

    const loaded = await loadMemory(dir, before.now + 3000);
    expect(loaded.memory.ended).toStrictEqual(before.memory.ended);
    const after = new Watch(undefined, loaded.memory, before.now + 3000);
    after.poll([ringing('gone')]);
    expect(after.said()).toEqual([]);
  });

  it('migrates a version 1 ledger: its settled calls become ended calls and do not alert again', async () => {
    const t = (id: string, fields: Record<string, unknown>) => ({
      session: { id, callState: 'Ringing', fromName: 'Jane Doe', log: [{ message: 'x' }] },
      lastSeenAt: 1_000_000,
      absences: 0,
      awaitingAnswer: true,
      heldSince: null,
      heldAlertedAt: null,
      outcome: null,
      endedSent: false,
      lookup: 'none',
      lookupRequestedAt: null,
      ...fields,
    });
    const v1 = {
      version: 1,
      savedAt: 1_000_000,
      sessions: {
        live: t('live', {}),
        gone: t('gone', { absences: 57, outcome: 'missed', endedSent: true, lookup: 'used' }),
        waiting: t('waiting', { absences: 2, lookup: 'pending', lookupRequestedAt: 1_000_000 }),
      },
    };
    await writeFile(join(dir, LEDGER_FILE), JSON.stringify(v1));
    const { memory, warning } = await loadMemory(dir, 1_003_000);
    expect(warning).toBeUndefined();
    expect(Object.keys(memory.sessions)).toEqual(['live', 'waiting']);
    expect(memory.ended).toEqual([
      {
        id: 'gone',
        lastSeenAt: 1_000_000,
        awaitingAnswer: true,
        heldSince: null,
        heldAlertedAt: null,
        outcome: 'missed',
        lookup: 'used',
      },
    ]);
    const after = new Watch(undefined, memory, 1_003_000);
    after.poll([ringing('live'), ringing('gone'), ringing('waiting')]);
    expect(after.said()).toEqual([]);
  });
});

/** A memory with `count` calls that rang, were missed and left, the last poll `w.now`. */
function missedCalls(count: number, w = new Watch()): Watch {
  const ids = Array.from({ length: count }, (_, i) => `m${w.memory.ended.length + i}`);
  w.poll(ids.map((id) => ringing(id)));
  w.poll([]);
  w.poll([]);
  for (const id of ids) w.lookup(id, 'failed', 0);
  return w;
}

const lineCount = async (path: string) =>
  (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '').length;

describe('ledger journal of ended calls', () => {
  it('after a whole save, a save appends only the calls that ended since', async () => {
    const journal = newJournal();
    const w = missedCalls(50);
    await saveMemory(dir, w.memory, w.now, journal);
    const endedPath = join(dir, ENDED_FILE);
    const first = await stat(endedPath);
    expect(await lineCount(endedPath)).toBe(50);

    missedCalls(3, w);
    w.poll([connected('live')]);
    await saveMemory(dir, w.memory, w.now, journal);
    expect((await stat(endedPath)).ino).toBe(first.ino); // appended, not replaced
    expect(await lineCount(endedPath)).toBe(53);
    const watched = await readFile(join(dir, LEDGER_FILE), 'utf8');
    expect(watched).toContain('"live"');
    expect(watched).not.toContain('"m0"');

    const loaded = await loadMemory(dir, w.now);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.memory.ended).toStrictEqual(w.memory.ended);
    expect(Object.keys(loaded.memory.sessions)).toEqual(['live']);
  });

  it('a save with nothing newly ended leaves the ended file alone', async () => {
    const journal = newJournal();
    const w = missedCalls(5);
    await saveMemory(dir, w.memory, w.now, journal);
    const before = await readFile(join(dir, ENDED_FILE), 'utf8');
    w.poll([ringing('new')]);
    await saveMemory(dir, w.memory, w.now, journal);
    expect(await readFile(join(dir, ENDED_FILE), 'utf8')).toBe(before);
  });

  it('a call that ended, came back and ended again loads once, as it ended last', async () => {
    const journal = newJournal();
    const w = missedCalls(2);
    await saveMemory(dir, w.memory, w.now, journal);
    w.poll([connected('m0')]);
    await saveMemory(dir, w.memory, w.now, journal);
    expect((await loadMemory(dir, w.now)).memory.ended.map((e) => e.id)).toEqual(['m1']);
    w.poll([]);
    w.poll([]);
    await saveMemory(dir, w.memory, w.now, journal);
    const { memory } = await loadMemory(dir, w.now);
    expect(memory.ended.map((e) => e.id)).toEqual(['m1', 'm0']);
    expect(memory.ended).toStrictEqual(w.memory.ended);
  });

  it('a torn last line (a crash mid-append) is skipped with a warning, the rest loads', async () => {
    const w = missedCalls(3);
    await saveMemory(dir, w.memory, w.now);
    await writeFile(join(dir, ENDED_FILE), '{"id":"half', { flag: 'a' });
    const { memory, warning } = await loadMemory(dir, w.now);
    expect(memory.ended.map((e) => e.id)).toEqual(['m0', 'm1', 'm2']);
    expect(warning).toMatch(/Skipped 1 unreadable entry/);
  });

  it('rewrites the ended file whole once it holds too many forgotten calls', async () => {
    const journal = newJournal();
    const w = missedCalls(1200);
    await saveMemory(dir, w.memory, w.now, journal);
    // a day later, those are forgotten; new calls keep ending
    w.poll([], FORGET_AFTER_MS);
    missedCalls(10, w);
    expect(w.memory.ended).toHaveLength(10);
    const before = await stat(join(dir, ENDED_FILE));
    await saveMemory(dir, w.memory, w.now, journal);
    expect((await stat(join(dir, ENDED_FILE))).ino).not.toBe(before.ino);
    expect(await lineCount(join(dir, ENDED_FILE))).toBe(10);
    // a few stale lines are not worth a rewrite: the next calls are appended
    missedCalls(5, w);
    w.poll([connected('m0')]);
    await saveMemory(dir, w.memory, w.now, journal);
    w.poll([]);
    w.poll([]);
    await saveMemory(dir, w.memory, w.now, journal);
    expect(await lineCount(join(dir, ENDED_FILE))).toBe(16);
    expect((await loadMemory(dir, w.now)).memory.ended).toHaveLength(15);
  });

  it('a failed append makes the next save a whole one', async () => {
    const journal = newJournal();
    const w = missedCalls(2);
    await saveMemory(dir, w.memory, w.now, journal);
    await rm(join(dir, ENDED_FILE));
    await mkdir(join(dir, ENDED_FILE)); // appending fails: a directory is in the way
    missedCalls(1, w);
    await expect(saveMemory(dir, w.memory, w.now, journal)).rejects.toThrow();
    expect(journal.ready).toBe(false);
    await rm(join(dir, ENDED_FILE), { recursive: true });
    await saveMemory(dir, w.memory, w.now, journal);
    expect((await loadMemory(dir, w.now)).memory.ended.map((e) => e.id)).toEqual([
      'm0',
      'm1',
      'm2',
    ]);
  });

  it('ended calls without the other file (a first save cut short) still load', async () => {
    const w = missedCalls(2);
    await saveMemory(dir, w.memory, w.now);
    await rm(join(dir, LEDGER_FILE));
    expect((await loadMemory(dir, w.now)).memory.ended).toHaveLength(2);
  });
});
