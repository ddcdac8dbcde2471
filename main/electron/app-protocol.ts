// app://tray/ serves the files of out/renderer (inside the asar when packaged). The scheme is
// registered as privileged before the app is ready (Electron's rule); the handler once it is.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeOf, fileForAppUrl } from './app-url.js';

const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));

// Sent with every page as a header too, so it holds from the first byte (the pages carry the
// same policy in a meta tag); frame-ancestors can only be set this way.
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; media-src 'self'; connect-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After 'ready': answers app:// requests from out/renderer, nothing outside it. */
export function serveAppScheme(root = RENDERER_ROOT): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? fileForAppUrl(request.url, root) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = contentTypeOf(file);
      const headers: Record<string, string> = { 'content-type': type };
      if (type.startsWith('text/html')) headers['content-security-policy'] = PAGE_POLICY;
      return new Response(body, { status: 200, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
