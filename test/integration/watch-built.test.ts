// The built `watch` (out/cli/watch.js, the package's bin): run by plain node it is one process
// that gets its own signals. Needs `npm run build` (or `npx vite build -c watch.vite.config.ts`).
import { existsSync, readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { BUILT_WATCH, isConnection, isSession, startWatch } from './watch-process.js';

const built = new URL(`../../${BUILT_WATCH}`, import.meta.url);

let sim: Simulator;
beforeAll(async () => {
  if (!existsSync(built)) throw new Error(`${BUILT_WATCH} is missing: run npm run build first`);
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

/** The processes started by `pid` (Linux: /proc/<pid>/task/<tid>/children). */
function childrenOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
  } catch {
    return [];
  }
}

describe('the built watch', () => {
  it('is the bin of the package, a node script', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['evo-voice-watch']).toBe(BUILT_WATCH);
    expect(readFileSync(built, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('runs under plain node as one process, rings, and exits 0 on SIGTERM', async () => {
    const first = sim.users[0];
    if (!first) throw new Error('the simulator has no users');
    const watch = startWatch(
      ['--server', sim.url, '--user', first.username, '--interval-ms', '100'],
      { EVO_PASSWORD: first.password },
      'built',
    );
    await watch.waitFor('online', isConnection('online'), { timeoutMs: 15_000 });
    const call = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', call.id), { timeoutMs: 10_000 });
    const pid = watch.pid;
    if (pid === undefined) throw new Error('no pid');
    // node itself, running the built file: no npm, no shell, no tsx launcher in between.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline.slice(0, 2)).toEqual([process.execPath, BUILT_WATCH]);
    expect(childrenOf(pid)).toEqual([]);
    watch.kill('SIGTERM');
    expect(await watch.exited).toBe(0);
    expect(watch.stderr()).toMatch(/SIGTERM: stopping/);
  });
});
