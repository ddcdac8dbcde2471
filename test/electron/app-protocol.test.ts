// The window's page comes from app://tray/ (a privileged, standard, secure scheme) instead of
// file://, whose extra privileges are fused off. The pure rules, then the built app serving it.
//   npx electron-vite build && npx vitest run test/electron/app-protocol.test.ts
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appPageUrl,
  contentTypeOf,
  fileForAppUrl,
  isOurPageUrl,
} from '../../main/electron/app-url.js';
import { IPC } from '../../main/boundary/contract.js';
import { launch, stopAll } from './scenario.js';

const root = '/opt/evo/out/renderer';

describe('which file an app:// address names', () => {
  it('a page or asset under out/renderer; a folder means its index.html', () => {
    expect(fileForAppUrl('app://tray/index.html#/calls', root)).toBe(`${root}/index.html`);
    expect(fileForAppUrl('app://tray/assets/index-1.js?v=2', root)).toBe(
      `${root}/assets/index-1.js`,
    );
    expect(fileForAppUrl('app://tray/ring/', root)).toBe(`${root}/ring/index.html`);
    expect(fileForAppUrl('app://tray/', root)).toBe(`${root}/index.html`);
    expect(fileForAppUrl('app://tray/a%20b.css', root)).toBe(`${root}/a b.css`);
    // Dot segments, plain or encoded, are collapsed by the URL parser (as Chromium does before
    // the handler sees them): they cannot climb above the origin's root.
    expect(fileForAppUrl('app://tray/../main/index.js', root)).toBe(`${root}/main/index.js`);
    expect(fileForAppUrl('app://tray/%2e%2e/%2e%2e/etc/passwd', root)).toBe(`${root}/etc/passwd`);
  });

  it.each([
    'app://tray/..%2fmain%2findex.js',
    'app://tray/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://tray/..%5c..%5cwindows',
    'app://tray/a%00.html',
    'app://tray/%E0%A4%A',
    'app://elsewhere/index.html',
    'https://tray/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(fileForAppUrl(url, root)).toBeNull();
  });

  it('types what it serves', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/ring.wav')).toBe('audio/wav');
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});

describe('whose page a frame shows', () => {
  it('ours on app://tray, or the dev server under electron-vite dev; nothing else', () => {
    expect(isOurPageUrl(appPageUrl('index.html', '/calls'), null)).toBe(true);
    expect(isOurPageUrl('http://localhost:5173/#/calls', 'http://localhost:5173/')).toBe(true);
    expect(isOurPageUrl('http://localhost:5173/#/calls', null)).toBe(false);
    expect(isOurPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isOurPageUrl('file:///opt/evo/out/renderer/index.html', null)).toBe(false);
    expect(isOurPageUrl('app://trayx/index.html', null)).toBe(false);
    expect(isOurPageUrl('', null)).toBe(false);
    expect(isOurPageUrl(undefined, null)).toBe(false);
  });
});

afterEach(stopAll);

describe('the built app', () => {
  const packaged = { env: { EVO_FAKE_PACKAGED: '1' } };
  const fetchScheme = (app: Awaited<ReturnType<typeof launch>>, url: string, method?: string) =>
    app.request<{ status: number; contentType: string | null; csp: string | null }>({
      cmd: 'fetchScheme',
      url,
      method,
    });

  it('makes app:// privileged before ready and serves the window its page with the CSP', async () => {
    const app = await launch(packaged);
    const r = await app.waitFor('the page served', (x) => x.windows[0]?.served !== undefined);
    expect(r.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(r.handledSchemes).toEqual(['app']);
    expect(r.windows[0]?.url).toBe('app://tray/index.html#/calls');
    expect(r.windows[0]?.served).toMatchObject({
      status: 200,
      contentType: 'text/html; charset=utf-8',
    });
    expect(r.windows[0]?.served?.csp).toMatch(/default-src 'none'; script-src 'self'/);
    expect(r.windows[0]?.served?.csp).toContain("frame-ancestors 'none'");
  });

  it('serves the scripts and styles the built page names, and nothing outside out/renderer', async () => {
    const app = await launch(packaged);
    const html = readFileSync(
      resolve(import.meta.dirname, '../../out/renderer/index.html'),
      'utf8',
    );
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const answer = await fetchScheme(app, `app://tray/${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.contentType, asset).toMatch(/^text\/(javascript|css)/);
      expect(answer.csp).toBeNull();
    }
    for (const url of [
      'app://tray/..%2fmain%2findex.js',
      `app://tray/${join('..', '..', 'package.json')}`,
      'app://tray/no-such-file.js',
      'app://elsewhere/index.html',
    ]) {
      expect((await fetchScheme(app, url)).status, url).toBe(404);
    }
    expect((await fetchScheme(app, 'app://tray/index.html', 'POST')).status).toBe(404);
  });

  it('answers the bridge only while the window shows our page', async () => {
    const app = await launch(packaged);
    await app.waitFor('the page served', (x) => x.windows[0]?.served !== undefined);
    await expect(app.invoke(IPC.getState)).resolves.toMatchObject({ account: {} });
    await app.request({ cmd: 'setFrameUrl', url: 'https://evil.example/' });
    await expect(app.invoke(IPC.getState)).rejects.toThrow(/did not come from/);
    await app.request({ cmd: 'setFrameUrl', url: 'app://tray/index.html#/settings' });
    await expect(app.invoke(IPC.getState)).resolves.toMatchObject({ account: {} });
  });
});
