#!/usr/bin/env node
// `npm run package:dir` / `npm run dist`: electron-builder with the given arguments. Offline it
// ends in a stack trace (getaddrinfo ENOTFOUND github.com); this says what failed and what to do
// instead. Any other failure is shown as electron-builder printed it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { networkFailureParagraph, PACKAGING } from './network-failure.mjs';

// Its own CLI file, run by this Node: no PATH or .cmd shim needed, on any platform.
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  encoding: 'utf8',
  stdio: ['inherit', 'pipe', 'pipe'],
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
