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

if (skipRequested()) {
  console.log(`Electron binary: not downloaded (${SKIP_VARIABLE} is set).`);
  process.exit(0);
}
const run = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
  stdio: 'inherit',
});
const binary = findElectronBinary();
if (run.status !== 0 || !binary.found) console.warn(`Warning: ${missingBinaryMessage(binary)}`);
