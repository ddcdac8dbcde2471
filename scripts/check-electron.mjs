#!/usr/bin/env node
// Runs before `electron-vite preview|dev` (npm start, npm run dev): without the Electron binary
// electron-vite stops with "Error: Electron uninstall" and a stack trace; this says what to do.
import { findElectronBinary, missingBinaryMessage } from './electron-binary.mjs';

const binary = findElectronBinary();
if (!binary.found) {
  console.error(missingBinaryMessage(binary));
  process.exit(1);
}
