// The built window and preload for the browser suite: reused when newer than every source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { SUPPORTED_LOCALES } from '../../main/boundary/i18n/locales.js';
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

export interface ScriptSize {
  /** The budget's figure: the most JavaScript one agent's window loads (main chunk + its language). */
  bytes: number;
  /** The script index.html loads: the window, with English. */
  mainChunk: number;
  /** Each other language's chunk, loaded only when the agent reads it. */
  languages: Readonly<Record<string, number>>;
  /** Every script file of the build (the ring page's and the tests' pseudo-locale's too)… */
  files: number;
  /** …and their gzipped total. */
  allBytes: number;
}

const gzipped = (file: string): number =>
  gzipSync(readFileSync(join(RENDERER_OUT, 'assets', file)), { level: 9 }).length;

/** Gzipped bytes of the production JavaScript of the window, as an agent's window loads it. */
export function gzippedScriptBytes(): ScriptSize {
  const scripts = readdirSync(join(RENDERER_OUT, 'assets')).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
  const entry = /<script[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error(`no script in ${RENDERER_OUT}/index.html`);
  // Named by the build (electron.vite.config.ts): messages/window/es.json → messages-es-<hash>.js.
  const languages = Object.fromEntries(
    SUPPORTED_LOCALES.flatMap((locale) => {
      const chunk = scripts.find((f) => f.startsWith(`messages-${locale}-`));
      return chunk === undefined ? [] : [[locale, gzipped(chunk)]];
    }),
  );
  const mainChunk = gzipped(entry);
  return {
    bytes: mainChunk + Math.max(0, ...Object.values(languages)),
    mainChunk,
    languages,
    files: scripts.length,
    allBytes: scripts.reduce((sum, f) => sum + gzipped(f), 0),
  };
}
