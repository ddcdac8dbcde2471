// How `watch` stops: on a signal while a request hangs, when its reader goes away, and when
// started exactly as the docs say, through npm.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEDGER_FILE } from '../../main/watch/ledger.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { isConnection, isSession, startWatch } from './watch-process.js';

// Far beyond any exit on a loaded machine: exiting before it proves the hung request was given up.
const REQUEST_TIMEOUT_MS = 120_000;

let sim: Simulator;
let agent: { username: string; password: string };
let dir = '';

beforeAll(async () => {
  sim = await startSimulator();
  const first = sim.users[0];
  if (!first) throw new Error('the simulator has no users');
  agent = first;
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-watch-stop-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Lines on stderr that look like a stack trace or an unhandled error. */
const crashLines = (stderr: string) =>
  stderr.split('\n').filter((line) => /^\s+at |Unhandled|Error \[|node:internal/.test(line));

const hung = () => sim.requests.filter((r) => r.path === '/sessions/my' && r.status === 0).length;

describe('watch, stopping', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while a poll hangs exits 0 before the request deadline, and saves the ledger',
    async (signal) => {
      const watch = startWatch(
        [
          ...['--server', sim.url, '--user', agent.username, '--state-dir', dir],
          ...['--interval-ms', '100', '--request-timeout-ms', String(REQUEST_TIMEOUT_MS)],
        ],
        { EVO_PASSWORD: agent.password },
      );
      await watch.waitFor('online', isConnection('online'), { timeoutMs: 15_000 });
      const before = hung();
      sim.faults.inject('hang');
      await vi.waitFor(() => expect(hung()).toBe(before + 1), { timeout: 5000, interval: 20 });

      const since = watch.mark();
      const sent = Date.now();
      watch.kill(signal);
      expect(await watch.exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(REQUEST_TIMEOUT_MS);
      // Given up, not timed out: the agent is not told the connection failed.
      expect(watch.events.slice(since)).toEqual([]);
      expect(watch.stderr()).toContain(`${signal}: stopping.`);
      expect(watch.stderr()).toContain('Stopped.');
      expect(crashLines(watch.stderr())).toEqual([]);
      expect(await readdir(dir)).toContain(LEDGER_FILE);
    },
  );

  it('a closed stdout (watch --demo | head -1) stops quietly with status 0 and saves the ledger', async () => {
    const watch = startWatch(['--demo', '--state-dir', dir]);
    await watch.waitFor('the first line', () => true, { timeoutMs: 15_000 });
    watch.closeStdout();
    // The demo's next event meets the closed pipe.
    expect(await watch.exited).toBe(0);
    expect(watch.stderr()).toContain('The output was closed (EPIPE): stopping.');
    expect(watch.stderr()).toContain('Stopped.');
    expect(crashLines(watch.stderr())).toEqual([]);
    expect(await readdir(dir)).toContain(LEDGER_FILE);
  });

  it('npm run --silent watch prints nothing but JSON lines on stdout', async () => {
    const watch = startWatch(
      ['--server', sim.url, '--user', agent.username, '--interval-ms', '100'],
      { EVO_PASSWORD: agent.password },
      'npm',
    );
    await watch.waitFor('online', isConnection('online'), { timeoutMs: 20_000 });
    const { id } = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', id));
    // npm ends by the signal itself: watch's own clean stop shows on stderr.
    watch.kill('SIGTERM');
    await watch.exited;
    expect(watch.stderr()).toContain('Stopped.');
    const lines = watch.stdout().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
