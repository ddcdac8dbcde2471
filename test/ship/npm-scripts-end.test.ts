// SIGTERM to `npm run sim` / `npm run watch` ends the simulator or the watcher too. npm passes the
// signal only to its shell (sh -c), which dies without passing it on: before the fix the child
// lived on, serving or polling. Proved by the processes left in the script's process group, not
// by how fast they end (the wait is bounded only by the test's timeout).
//   npx vitest run test/ship/npm-scripts-end.test.ts
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The live (not zombie) processes of a process group, from /proc. */
function liveInGroup(group: number): number[] {
  const live: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces, so read after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') live.push(Number(name));
  }
  return live;
}

const groups: number[] = [];
// A failed run leaves the program behind: end it, so it does not serve or poll after the test.
afterEach(() => {
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function runUntilSaid(args: string[], said: RegExp) {
  // Its own process group (detached), so what npm started can be found after npm is gone.
  const npm = spawn('npm', ['run', ...args], { cwd: root, detached: true, stdio: 'pipe' });
  let out = '';
  await new Promise<void>((done, fail) => {
    const look = (d: Buffer) => {
      out += d.toString();
      if (said.test(out)) done();
    };
    npm.stdout.on('data', look);
    npm.stderr.on('data', look);
    npm.on('exit', (code) => fail(new Error(`npm exited (${code}) early:\n${out}`)));
  });
  const group = npm.pid ?? 0;
  groups.push(group);
  return { npm, group };
}

async function stopNpmOnly(npm: ReturnType<typeof spawn>, group: number) {
  expect(liveInGroup(group).length).toBeGreaterThan(1); // npm, its shell and the program
  const exited = new Promise((done) => npm.once('exit', done));
  npm.kill('SIGTERM');
  await exited;
  while (liveInGroup(group).length > 0) await new Promise((r) => setTimeout(r, 100));
  expect(liveInGroup(group)).toEqual([]);
}

describe.skipIf(process.platform !== 'linux')('SIGTERM to npm', () => {
  it('npm run sim: the simulator ends with npm', async () => {
    const { npm, group } = await runUntilSaid(['sim', '--', '--port', '0'], /listening on/);
    await stopNpmOnly(npm, group);
  }, 60_000);

  it('npm run watch: the watcher ends with npm', async () => {
    const { npm, group } = await runUntilSaid(['watch', '--', '--demo'], /"event"/);
    await stopNpmOnly(npm, group);
  }, 60_000);
});
