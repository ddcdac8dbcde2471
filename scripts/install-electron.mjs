#!/usr/bin/env node
// postinstall: Electron 45 has no install script of its own (it downloads on first require),
// so `npm install` runs Electron's own install step here. ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips
// it; a failed download warns and leaves `npm install` successful (npm start then says what to do).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  electronPackageDir,
  findElectronBinary,
  missingBinaryMessage,
  SKIP_VARIABLE,
  skipRequested,
} from './electron-binary.mjs';
import { ELECTRON_DOWNLOAD, networkFailureParagraph } from './network-failure.mjs';

if (skipRequested()) {
  console.log(`Electron binary: not downloaded (${SKIP_VARIABLE} is set).`);
  process.exit(0);
}
// Its output is kept back: offline it is a stack trace, said instead in one paragraph.
const run = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
  encoding: 'utf8',
  stdio: ['inherit', 'pipe', 'pipe'],
});
const binary = findElectronBinary();
if (run.status !== 0 || !binary.found) {
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const offline = networkFailureParagraph(output, ELECTRON_DOWNLOAD);
  if (offline === null) process.stderr.write(output);
  console.warn(`Warning: ${offline ?? missingBinaryMessage(binary)}`);
} else {
  process.stdout.write(run.stdout);
}
