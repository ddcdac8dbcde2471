// The built window's languages: its main chunk carries the window's own messages in English and
// nothing else; each other language is a chunk of its own that Chromium loads, under the
// window's CSP, when the state first asks for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedWindow, hasChromium, serveWindow } from './served-window.js';
import {
  CATALOG_PARTS,
  SUPPORTED_LOCALES,
  WINDOW_MESSAGE_IDS,
} from '../../main/boundary/i18n/index.js';
import { signedIn } from '../../harness/app-states.js';
import {
  ensureWindowBuilt,
  gzippedScriptBytes,
  RENDERER_OUT,
} from '../../harness/window/build-window.js';
import type { StaticServer } from '../../harness/window/static-server.js';
import { openWindow, type Browser } from '../../harness/window/window-page.js';

function mainChunk(): string {
  const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
  const entry = /<script[^>]*src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  return readFileSync(join(RENDERER_OUT, entry), 'utf8');
}

const quoted = (code: string, id: string): boolean =>
  new RegExp(`[\`'"]${id.replace(/\./g, '\\.')}[\`'"]`).test(code);

describe("the built window's scripts", () => {
  beforeAll(() => void ensureWindowBuilt(), 120_000);

  it("carry the window's messages and none of main's", () => {
    const code = mainChunk();
    expect(WINDOW_MESSAGE_IDS.filter((id) => !quoted(code, id))).toEqual([]);
    const mainOnly = Object.keys(CATALOG_PARTS.main.en);
    expect(mainOnly.length).toBeGreaterThan(0);
    expect(mainOnly.filter((id) => quoted(code, id))).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    'leave %s out of the main chunk, in a chunk of its own',
    (locale) => {
      const code = mainChunk();
      // Its own words: plain sentences that English does not share.
      const words = WINDOW_MESSAGE_IDS.map((id) => CATALOG_PARTS.window[locale][id]).filter(
        (text, i) =>
          text.length >= 12 &&
          !/[{}'\u2019]/.test(text) &&
          text !== CATALOG_PARTS.window.en[WINDOW_MESSAGE_IDS[i] ?? 'nav.calls'],
      );
      expect(words.length).toBeGreaterThan(10);
      expect(words.filter((text) => code.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);
      expect(gzippedScriptBytes().languages[locale]).toBeGreaterThan(0);
    },
  );

  it('ship the messages parsed, and so no ICU parser', () => {
    // One of the parser's own error names: present only if the parser was bundled.
    expect(mainChunk()).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
  });
});

describe.skipIf(!hasChromium)('the built window switching language in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await serveWindow());
  }, 120_000);

  afterAll(() => closeServedWindow({ browser, server }));

  it('reads English without a language chunk, then Spanish, then German as each arrives', async () => {
    const w = await openWindow(browser.context, server.origin, signedIn(), '#/calls');
    const { page } = w;
    const tab = (name: string) => page.getByRole('link', { name, exact: true });
    await tab('Calls').waitFor();
    const chunks = () => w.requests.filter((url) => /\/messages-[\w-]+\.js$/.test(url));
    expect(chunks()).toEqual([]);

    await w.push({ ...signedIn(), locale: 'es' });
    await tab('Llamadas').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('main, .shell').first().textContent()).toContain('No hay llamadas');

    await w.push({ ...signedIn(), locale: 'de' });
    await tab('Anrufe').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await tab('Einstellungen').count()).toBe(1);

    // Only the two languages asked for, each once, and nothing the CSP refused.
    const names = chunks().map((url) => /messages-(es|pt-BR|fr|de)-/.exec(url)?.[1]);
    expect(names).toEqual(['es', 'de']);
    expect(await w.cspViolations()).toEqual([]);
    await page.close();
  });

  it("words the page without a bridge in the system's language, once its chunk is in", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'en'] }),
    );
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Evo Voice Tray konnte nicht starten' }).waitFor();
    await page.close();
  });
});
