// The watcher's ledger writer over a long day: a poll that changed nothing writes nothing, and
// a call that ended adds one line, however many calls are remembered.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/log.js';
import { ENDED_FILE, LEDGER_FILE } from '../../main/watch/ledger.js';
import { createLedgerWriter } from '../../main/watch/ledger-writer.js';
import { connected, ringing, Watch } from './decide-script.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function writerAt(w: Watch) {
  return createLedgerWriter(
    dir,
    { now: () => w.now, setTimeout: () => 0, clearTimeout: () => {} },
    silentLogger,
  );
}

const lines = async () =>
  (await readFile(join(dir, ENDED_FILE), 'utf8')).split('\n').filter((l) => l !== '').length;

describe('ledger writer', () => {
  it('with 5,000 calls remembered, an unchanged poll writes nothing and an ended call one line', async () => {
    const w = new Watch();
    const ids = Array.from({ length: 5000 }, (_, i) => `day-${i}`);
    w.poll(ids.map((id) => connected(id)));
    w.poll([]);
    w.poll([connected('live'), ringing('going')]);
    expect(w.memory.ended).toHaveLength(5000);
    const writer = writerAt(w);
    await writer.flush(w.memory);
    const watched = await stat(join(dir, LEDGER_FILE));
    expect(await lines()).toBe(5000);

    w.poll([connected('live'), ringing('going')]);
    await writer.save(w.memory);
    expect((await stat(join(dir, LEDGER_FILE))).mtimeMs).toBe(watched.mtimeMs);

    w.poll([connected('live'), connected('going')]);
    w.poll([connected('live')]);
    w.poll([connected('live')]);
    await writer.save(w.memory);
    expect(await lines()).toBe(5001);
    expect((await stat(join(dir, LEDGER_FILE))).ino).not.toBe(watched.ino);

    const again = writerAt(w);
    const loaded = await again.load();
    expect(loaded.ended.map((e) => e.id).slice(-1)).toEqual(['going']);
    expect(Object.keys(loaded.sessions)).toEqual(['live']);
  });
});
