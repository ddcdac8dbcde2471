// Longer words do not break the window: every view in the pseudo-locale (en-XA: accented, about
// a third longer), at the window's default size, overflows nothing sideways and clips no button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedWindow, hasChromium, serveWindow } from './served-window.js';
import type { AppState } from '../../main/boundary/contract.js';
import { PSEUDO_LOCALE } from '../../main/boundary/i18n/locales.js';
import { call, signedIn } from '../../harness/app-states.js';
import type { StaticServer } from '../../harness/window/static-server.js';
import { AVATARS, ago, screens, type Screen } from '../../harness/window/window-fixtures.js';
import { openWindow, type Browser } from '../../harness/window/window-page.js';

/** main/electron/window-rules.ts and incoming-window.ts: the sizes the windows open at. */
const WINDOW = { width: 420, height: 600 };
const INCOMING = { width: 340, height: 180 };

/** What sticks out sideways: the page, the main containers, and any button cut short. */
function overflowsIn(): string[] {
  const out: string[] = [];
  const name = (el: Element): string =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
  }
  const containers = document.querySelectorAll(
    '.shell, main, header, nav, footer, form, section, .setting, .field, .button-row, li',
  );
  for (const el of containers) {
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${name(el)} overflows (${el.scrollWidth} > ${el.clientWidth})`);
    }
  }
  for (const el of document.querySelectorAll('button, select, a.back, nav a')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} clips its text`);
    if (box.right > root.clientWidth + 1 || box.left < -1) {
      out.push(`${name(el)} sticks out of the window (${Math.round(box.right)})`);
    }
  }
  return out;
}

describe.skipIf(!hasChromium)('the window in the pseudo-locale', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await serveWindow());
  }, 120_000);

  afterAll(() => closeServedWindow({ browser, server }));

  const incoming: Screen = {
    name: 'incoming',
    state: signedIn({
      sessions: [
        call('r1', { fromName: 'Jane Doe', toAddress: 'Support line', dateCreated: ago(9000) }),
        call('r2', { fromName: 'Li Wei', toAddress: 'Billing', dateCreated: ago(4000) }),
      ],
    }),
    hash: '#/incoming',
    ready: '.incoming-call',
  };

  it('overflows nothing sideways at the default size, on any view', async () => {
    const problems: string[] = [];
    for (const view of [...screens(), incoming]) {
      const state: AppState = { ...view.state, locale: PSEUDO_LOCALE };
      const w = await openWindow(browser.context, server.origin, state, view.hash, AVATARS);
      await w.page.setViewportSize(view.name === 'incoming' ? INCOMING : WINDOW);
      await w.page.locator(view.ready).first().waitFor();
      // The pseudo-locale is on screen (accented letters), not English.
      expect(await w.page.locator('body').innerText(), view.name).toMatch(/[áéîöû]/);
      for (const problem of await w.page.evaluate(overflowsIn)) {
        problems.push(`${view.name}: ${problem}`);
      }
      await w.page.close();
    }
    expect(problems).toEqual([]);
  });
});
