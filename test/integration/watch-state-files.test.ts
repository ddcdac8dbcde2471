// State files that are not regular files (a FIFO or a link planted in the state folder): the
// built `watch` refuses them before opening them, says so once, keeps watching with its memory
// in RAM, and still stops at once on SIGTERM. Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AWAY_LEDGER_FILE } from '../../main/away/away-ledger.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { ENDED_FILE, LEDGER_FILE } from '../../main/watch/ledger.js';
import { BUILT_WATCH, isConnection, isSession, startWatch } from './watch-process.js';

const built = new URL(`../../${BUILT_WATCH}`, import.meta.url);

let sim: Simulator;
let dir = '';
beforeAll(async () => {
  if (!existsSync(built)) throw new Error(`${BUILT_WATCH} is missing: run npm run build first`);
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-watch-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function watchWith(plant: (path: string) => Promise<void>, name: string) {
  await plant(join(dir, name));
  const agent = sim.users[0];
  if (!agent) throw new Error('the simulator has no users');
  const watch = startWatch(
    [
      ...['--server', sim.url, '--user', agent.username, '--state-dir', dir],
      ...['--interval-ms', '100'],
    ],
    { EVO_PASSWORD: agent.password },
    'built',
  );
  // Still watching: a call rings and is told of (the memory lives in RAM).
  await watch.waitFor('online', isConnection('online'), { timeoutMs: 20_000 });
  const { id } = sim.calls.arrive();
  await watch.waitFor('ringing', isSession('ringing', id), { timeoutMs: 10_000 });
  sim.calls.miss(id);
  await watch.waitFor('missed', isSession('missed', id), { timeoutMs: 10_000 });
  // The test's own timeout is the guard: a watch stuck on the FIFO never exits.
  watch.kill('SIGTERM');
  expect(await watch.exited).toBe(0);
  const refusals = watch
    .stderr()
    .split('\n')
    .filter((l) => l.includes('not a regular file'));
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toContain(join(dir, name));
  return watch;
}

const fifo = async (path: string) => {
  execFileSync('mkfifo', [path]);
};

describe.runIf(process.platform !== 'win32')('watch and state files that are not files', () => {
  it.each([LEDGER_FILE, ENDED_FILE, AWAY_LEDGER_FILE])(
    'a FIFO at %s: refused once in the log, watched in memory, and SIGTERM exits 0',
    async (name) => {
      const watch = await watchWith(fifo, name);
      expect(watch.stderr()).toContain('Stopped.');
    },
    60_000,
  );

  it.each([LEDGER_FILE, ENDED_FILE, AWAY_LEDGER_FILE])(
    'a link at %s is never written through',
    async (name) => {
      const target = join(dir, 'elsewhere.txt');
      await writeFile(target, 'not yours\n');
      await watchWith((path) => symlink(target, path), name);
      expect(await readFile(target, 'utf8')).toBe('not yours\n');
    },
    60_000,
  );
});
