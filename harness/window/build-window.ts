// The built window and preload for the browser suite: reused when newer than every source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { WINDOW_BUILD } from './window-only.config.js';

export const RENDERER_OUT = join(WINDOW_BUILD, 'renderer');
export const PRELOAD_OUT = join(WINDOW_BUILD, 'preload', 'preload.cjs');
/** Everything the window and the preload are built from (the renderer imports only main/boundary). */
const SOURCES = ['renderer', 'main/boundary', 'electron.vite.config.ts', 'assets/sounds'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureWindowBuilt(): 'reused' | 'built' {
  const built = [join(RENDERER_OUT, 'index.html'), PRELOAD_OUT];
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(resolve(s))));
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs > newestSource)) {
    return 'reused';
  }
  // Only the preload and renderer targets, with the project's own config (window-only.config.ts).
  execFileSync(
    'npx',
    ['electron-vite', 'build', '-c', 'harness/window/window-only.config.ts', '--logLevel', 'warn'],
    // Its messages to stderr, so a caller's stdout (bench --json) stays its own.
    { stdio: ['ignore', 2, 2] },
  );
  return 'built';
}

/** Gzipped bytes of the production JavaScript of the window. */
export function gzippedScriptBytes(): { files: number; bytes: number } {
  const assets = join(RENDERER_OUT, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = scripts.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length,
    0,
  );
  return { files: scripts.length, bytes };
}
