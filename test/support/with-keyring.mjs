#!/usr/bin/env node
// Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so the
// keychain suite exercises a real Secret Service without touching the developer's own keyring.
// Usage: node test/support/with-keyring.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: with-keyring <command> [args...]');
  process.exit(2);
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const ready = has('dbus-run-session') && has('gnome-keyring-daemon');

if (!ready) {
  const why =
    'dbus-run-session or gnome-keyring-daemon is missing (apt install dbus gnome-keyring)';
  if (process.env.CI === 'true') {
    console.error(`with-keyring: ${why}; CI must run the keychain suite.`);
    process.exit(1);
  }
  console.error(`with-keyring: ${why}; the keychain suite will be skipped.`);
  const run = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, EVO_TEST_KEYRING: 'absent' },
  });
  process.exit(run.status ?? 1);
}

const dataHome = mkdtempSync(join(tmpdir(), 'evo-keyring-'));
const script =
  'echo -n evo-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
const run = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], {
  stdio: 'inherit',
  env: { ...process.env, XDG_DATA_HOME: dataHome, EVO_TEST_KEYRING: 'private' },
});
rmSync(dataHome, { recursive: true, force: true });
process.exit(run.status ?? 1);
