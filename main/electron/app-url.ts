// The app's own pages are served from app://tray/ (see app-protocol.ts), never file://: the
// packaged binary has file:// extra privileges fused off, and a standard, secure scheme gives the
// page a real origin, so its CSP's 'self' means exactly our files. These rules are pure.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://tray`;

/** A page of ours (e.g. `index.html`, `ring/index.html`) at a route (the hash). */
export function appPageUrl(page: string, route?: string): string {
  return `${APP_ORIGIN}/${page}${route === undefined ? '' : `#${route}`}`;
}

/**
 * The file an app:// URL names inside `root` (out/renderer), or null when it names none: another
 * host, a path that climbs out of the folder (`..`, encoded or not), a NUL, a bad escape.
 */
export function fileForAppUrl(url: string, root: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return null;
  }
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a frame showing `url` is one of our pages (or the dev server's, under dev). */
export function isOurPageUrl(url: string | undefined, devUrl: string | null): boolean {
  if (!url) return false;
  try {
    const origin = new URL(url).origin;
    if (url.startsWith(`${APP_ORIGIN}/`)) return true;
    return devUrl !== null && origin !== 'null' && origin === new URL(devUrl).origin;
  } catch {
    return false;
  }
}
