#!/usr/bin/env node
// `npm run package:dir` / `npm run dist`: electron-builder with the given arguments. Offline it
// ends in a stack trace (getaddrinfo ENOTFOUND github.com); this says what failed and what to do
// instead. Any other failure is shown as electron-builder printed it.
import { spawnSync } from 'node:child_process';
import { networkFailureParagraph, PACKAGING } from './network-failure.mjs';

const run = spawnSync('electron-builder', process.argv.slice(2), {
  encoding: 'utf8',
  stdio: ['inherit', 'pipe', 'pipe'],
  // npm puts node_modules/.bin on PATH; on Windows that is electron-builder.cmd, run by a shell.
  shell: process.platform === 'win32',
});
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
if (run.status === 0) {
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  process.exit(0);
}
const paragraph = networkFailureParagraph(output, PACKAGING);
if (paragraph) {
  console.error(paragraph);
} else {
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? (run.error ? String(run.error) : ''));
}
process.exit(run.status ?? 1);
