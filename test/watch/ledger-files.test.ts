// The state files cannot be hijacked: a link planted at a state file's path is never written
// through, and a FIFO, a folder or a link is refused before it is opened (a FIFO would hang).
import { execFileSync } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAwayLedger, saveAwayLedger, emptyAwayLedger } from '../../main/away/away-ledger.js';
import { MISSED_LIST_FILE, saveMissedList } from '../../main/away/missed-file.js';
import { emptyMemory } from '../../main/watch/decide.js';
import {
  appendSynced,
  isRegularOrAbsent,
  isStateFileRefused,
  readIfPresent,
  writeAtomically,
} from '../../main/watch/ledger-files.js';
import { ENDED_FILE, LEDGER_FILE, loadMemory } from '../../main/watch/ledger.js';
import { createLedgerWriter } from '../../main/watch/ledger-writer.js';
import { systemClock } from '../../main/watch/clock.js';
import { recordingLog } from './watcher-fakes.js';
import type { EndedCall } from '../../main/watch/tracked.js';

const posix = process.platform !== 'win32';
const BAIT = 'precious text the agent owns\n';

let dir = '';
let outside = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-state-'));
  outside = join(dir, 'outside');
  await mkdir(outside);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file the attacker wants overwritten, and a link to it at the state file's path. */
async function plantLink(name: string): Promise<string> {
  const target = join(outside, 'target.txt');
  await writeFile(target, BAIT);
  await symlink(target, join(dir, name));
  return target;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

const refusal = (e: unknown) => (isStateFileRefused(e) ? 'refused' : e);

describe.runIf(posix)('the state files, hijacked', () => {
  it('isRegularOrAbsent: a regular file or nothing, never a link, FIFO or folder', async () => {
    await writeFile(join(dir, 'plain'), 'x');
    await plantLink('link');
    mkfifo(join(dir, 'fifo'));
    expect(await isRegularOrAbsent(join(dir, 'plain'))).toBe(true);
    expect(await isRegularOrAbsent(join(dir, 'absent'))).toBe(true);
    expect(await isRegularOrAbsent(join(dir, 'link'))).toBe(false);
    expect(await isRegularOrAbsent(join(dir, 'fifo'))).toBe(false);
    expect(await isRegularOrAbsent(outside)).toBe(false);
  });

  it('appendSynced refuses a link and leaves its target alone', async () => {
    const target = await plantLink(ENDED_FILE);
    expect(await appendSynced(dir, ENDED_FILE, 'hijacked\n').catch(refusal)).toBe('refused');
    expect(await readFile(target, 'utf8')).toBe(BAIT);
  });

  it('writeAtomically refuses a link: the target is untouched and the link still a link', async () => {
    const target = await plantLink(LEDGER_FILE);
    expect(await writeAtomically(dir, LEDGER_FILE, 'hijacked').catch(refusal)).toBe('refused');
    expect(await readFile(target, 'utf8')).toBe(BAIT);
    expect(await readlink(join(dir, LEDGER_FILE))).toBe(target);
  });

  it('readIfPresent refuses a FIFO at once instead of waiting for a writer', async () => {
    mkfifo(join(dir, LEDGER_FILE));
    // Today's readFile would wait for a writer for good: the test's timeout is the guard.
    expect(await readIfPresent(join(dir, LEDGER_FILE)).catch(refusal)).toBe('refused');
  });

  it('readIfPresent refuses a link, and still answers null for nothing', async () => {
    await plantLink(LEDGER_FILE);
    expect(await readIfPresent(join(dir, LEDGER_FILE)).catch(refusal)).toBe('refused');
    expect(await readIfPresent(join(dir, 'absent'))).toBeNull();
  });

  it('the ledger writer never appends through a link planted after its first save, and says so once', async () => {
    const { log, lines } = recordingLog();
    const writer = createLedgerWriter(dir, systemClock, log);
    let memory = await writer.load();
    const now = systemClock.now();
    const endedCall = (id: string): EndedCall => ({
      id,
      lastSeenAt: now,
      awaitingAnswer: false,
      heldSince: null,
      heldAlertedAt: null,
      outcome: null,
      lookup: 'none',
    });
    memory = { ...memory, ended: [endedCall('a')] };
    await writer.save(memory); // whole: both files written, the next save appends
    expect(await readFile(join(dir, ENDED_FILE), 'utf8')).toContain('"a"');

    await rm(join(dir, ENDED_FILE));
    const target = await plantLink(ENDED_FILE);
    memory = { ...memory, ended: [...memory.ended, endedCall('b')] };
    await writer.save(memory);
    memory = {
      ...memory,
      sessions: { ...memory.sessions },
      ended: [...memory.ended, endedCall('c')],
    };
    await writer.save(memory);

    expect(await readFile(target, 'utf8')).toBe(BAIT);
    expect((await lstat(join(dir, ENDED_FILE))).isSymbolicLink()).toBe(true);
    expect(lines.filter((l) => l.includes('not a regular file'))).toHaveLength(1);
  });

  it('a ledger that is a link is refused at load, said once, and never written', async () => {
    const target = await plantLink(LEDGER_FILE);
    expect((await loadMemory(dir, Date.now())).refused).toBe(true);
    const { log, lines } = recordingLog();
    const writer = createLedgerWriter(dir, systemClock, log);
    const memory = await writer.load();
    await writer.flush({ ...emptyMemory(), sessions: { ...memory.sessions } });
    expect(await readFile(target, 'utf8')).toBe(BAIT);
    expect(lines.filter((l) => l.includes('not a regular file'))).toHaveLength(1);
  });

  it('the away ledger refuses a link or a FIFO, and never writes through one', async () => {
    const target = await plantLink('away-ledger.json');
    const read = await loadAwayLedger(dir);
    expect(read.refused).toBe(true);
    expect(read.ledger).toEqual(emptyAwayLedger());
    const ledger = { ...emptyAwayLedger(), watchedAt: 1 };
    expect(await saveAwayLedger(dir, ledger).catch(refusal)).toBe('refused');
    expect(await readFile(target, 'utf8')).toBe(BAIT);

    await rm(join(dir, 'away-ledger.json'));
    mkfifo(join(dir, 'away-ledger.json'));
    expect((await loadAwayLedger(dir)).refused).toBe(true);
  });

  it('the missed list is never written through a link', async () => {
    const target = await plantLink(MISSED_LIST_FILE);
    expect(await saveMissedList(dir, []).catch(refusal)).toBe('refused');
    expect(await readFile(target, 'utf8')).toBe(BAIT);
  });
});
