#!/usr/bin/env node
// Runs before `electron-vite preview|dev` (npm start, npm run dev): without the Electron binary
// electron-vite stops with "Error: Electron uninstall" and a stack trace; this says what to do.
import { findElectronBinary, missingBinaryMessage } from './electron-binary.mjs';

// An optional argument names what needs the binary (the e2e test says it is the smoke test).
const who = process.argv[2] ?? 'Evo Voice Tray';
const binary = findElectronBinary();
if (!binary.found) {
  console.error(missingBinaryMessage(binary, process.env, who));
  process.exit(1);
}
