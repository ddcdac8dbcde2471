// The built window for the browser suite: reuse out/renderer when it is newer than every source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RENDERER_OUT = resolve('out/renderer');
const SOURCES = [
  'renderer/index.html',
  'renderer/src',
  'main/contract.ts',
  'main/evo/session.ts',
  'main/watch/reading.ts',
  'electron.vite.config.ts',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureWindowBuilt(): 'reused' | 'built' {
  const built = join(RENDERER_OUT, 'index.html');
  if (
    existsSync(built) &&
    statSync(built).mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(resolve(s))))
  ) {
    return 'reused';
  }
  // Only the renderer target, with the project's own renderer config (see renderer-only.config.ts).
  execFileSync(
    'npx',
    ['electron-vite', 'build', '-c', 'test/browser/renderer-only.config.ts', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
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
