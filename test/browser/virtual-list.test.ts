// The calls list with 5,000 realistic calls in the built window, in Chromium: only the rows in
// view are in the DOM, yet every call is there to scroll to, to Tab or arrow to in order, to
// click, and each row tells a screen reader its true place in its group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedWindow, hasChromium, serveWindow } from './served-window.js';
import type { Page } from 'playwright-core';
import type { CallSummary } from '../../main/boundary/contract.js';
import { createWindowStates } from '../../main/app/window-state.js';
import { signedIn } from '../../harness/app-states.js';
import { newRingingCall, realisticSessions } from '../../harness/realistic-calls.js';
import type { StaticServer } from '../../harness/window/static-server.js';
import { openWindow, type Browser, type WindowPage } from '../../harness/window/window-page.js';
import { groupCalls } from '../../renderer/src/calls.js';
import { sessionHref } from '../../renderer/src/router.js';

const CALLS = realisticSessions(5000);
// Grouped as the window groups what main pushes it: each call's summary.
const GROUPS = groupCalls(createWindowStates()(signedIn({ sessions: CALLS })).calls);
const group = (name: string): CallSummary[] => GROUPS.find((g) => g.name === name)?.calls ?? [];
/** A viewport's worth of rows in each group, and the overscan either side, is far below this. */
const BOUNDED = 120;

/** The focused row: its group, its link and its place in the group as the row says it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const link = document.activeElement;
    const row = link?.closest('li');
    return {
      group: row?.closest('section')?.className.replace('call-group group-', ''),
      href: link?.getAttribute('href'),
      posinset: Number(row?.getAttribute('aria-posinset')),
      setsize: Number(row?.getAttribute('aria-setsize')),
    };
  });
}

const rowsInDom = (page: Page) => page.locator('.call-row').count();
const TITLES: Record<string, string> = {
  ringing: 'Ringing',
  held: 'On hold',
  connected: 'Connected',
  queued: 'Queued',
  other: 'Other',
};

/** Scrolls the list so that row `index` of `name`'s group is at the top of the view. */
async function scrollToRow(page: Page, name: string, index: number): Promise<void> {
  await page.locator(`.group-${name} .call-list`).evaluate((ul, i) => {
    const main = ul.closest('main') as HTMLElement;
    const rowHeight = document.querySelector('.call-row')?.getBoundingClientRect().height ?? 0;
    const top = ul.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
    main.scrollTo(0, top + i * rowHeight);
  }, index);
}

describe.skipIf(!hasChromium)('the calls list with 5,000 calls', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await serveWindow());
  }, 120_000);

  afterAll(() => closeServedWindow({ browser, server }));

  async function openWithCalls(): Promise<WindowPage> {
    const w = await openWindow(browser.context, server.origin, signedIn());
    await w.push(signedIn({ sessions: CALLS }));
    await w.page.locator('.call-row').first().waitFor();
    return w;
  }

  it('renders only the rows in view, with every group heading and its true count', async () => {
    const w = await openWithCalls();
    const { page } = w;
    expect(await rowsInDom(page)).toBeGreaterThan(0);
    expect(await rowsInDom(page)).toBeLessThan(BOUNDED);
    expect(await page.locator('.call-group h2').allTextContents()).toEqual(
      GROUPS.map((g) => `${TITLES[g.name]} ${g.calls.length}`),
    );
    // Each rendered row: its call, its place in the group and the group's size.
    const rows = await page.locator('.group-ringing .call-row').evaluateAll((lis) =>
      lis.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href'),
        posinset: Number(li.getAttribute('aria-posinset')),
        setsize: Number(li.getAttribute('aria-setsize')),
      })),
    );
    const ringing = group('ringing');
    expect(rows.length).toBeGreaterThan(3);
    rows.forEach((row, i) =>
      expect(row).toEqual({
        href: sessionHref(ringing[i]?.id ?? ''),
        posinset: i + 1,
        setsize: ringing.length,
      }),
    );
    await page.close();
  });

  it('scrolls to the bottom and shows the last call, still with a bounded number of rows', async () => {
    const w = await openWithCalls();
    const { page } = w;
    await page.locator('main.calls').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    const last = GROUPS[GROUPS.length - 1];
    const lastCall = last?.calls[last.calls.length - 1];
    const link = page.locator(`a[href="${sessionHref(lastCall?.id ?? '')}"]`);
    await link.waitFor();
    expect(await link.isVisible()).toBe(true);
    const box = await link.boundingBox();
    const view = await page.locator('main.calls').boundingBox();
    expect(box && view && box.y + box.height <= view.y + view.height + 1).toBe(true);
    expect(await link.evaluate((a) => a.closest('li')?.getAttribute('aria-posinset'))).toBe(
      String(last?.calls.length),
    );
    expect(await rowsInDom(page)).toBeLessThan(BOUNDED);
    await page.close();
  });

  it('moves through the rows in order with the arrows and Tab, past the rendered ones', async () => {
    const w = await openWithCalls();
    const { page } = w;
    const held = group('held');
    const rendered = await page.locator('.group-held .call-row').count();
    await scrollToRow(page, 'held', 0);
    await page.locator('.group-held .call-link').first().focus();
    expect(await focused(page)).toMatchObject({ group: 'held', posinset: 1 });
    const steps = rendered + 25;
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toEqual({
      group: 'held',
      href: sessionHref(held[steps]?.id ?? ''),
      posinset: steps + 1,
      setsize: held.length,
    });
    for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({
      href: sessionHref(held[steps + 30]?.id ?? ''),
      posinset: steps + 31,
    });
    for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({
      href: sessionHref(held[steps - 10]?.id ?? ''),
      posinset: steps - 9,
    });
    // The focused row is on screen, and the list still renders a window of rows, not all.
    expect(await page.evaluate(() => document.activeElement?.closest('li') !== null)).toBe(true);
    expect(await rowsInDom(page)).toBeLessThan(BOUNDED);
    await page.close();
  });

  it('goes on from one group to the next: arrows and Tab past the last row', async () => {
    const w = await openWithCalls();
    const { page } = w;
    const ringing = group('ringing');
    const held = group('held');
    // To the ringing group's last call: scroll there, then arrow down onto it.
    await scrollToRow(page, 'ringing', ringing.length - 3);
    const nearEnd = page.locator(`a[href="${sessionHref(ringing[ringing.length - 3]?.id ?? '')}"]`);
    await nearEnd.waitFor();
    await nearEnd.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ group: 'ringing', posinset: ringing.length });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({
      group: 'held',
      href: sessionHref(held[0]?.id ?? ''),
      posinset: 1,
    });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ group: 'ringing', posinset: ringing.length });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ group: 'held', posinset: 1 });
    await page.close();
  });

  it('opens the details of a row clicked far down the list', async () => {
    const w = await openWithCalls();
    const { page } = w;
    const connected = group('connected');
    const target = connected[2000];
    await scrollToRow(page, 'connected', 2000);
    const link = page.locator(`a[href="${sessionHref(target?.id ?? '')}"]`);
    await link.click();
    await page.locator('[data-section="members"]').waitFor();
    expect(page.url()).toContain(sessionHref(target?.id ?? ''));
    await page.close();
  });

  it('renders more rows when the window grows, and still announces a new ringing call', async () => {
    const w = await openWithCalls();
    const { page } = w;
    const before = await rowsInDom(page);
    await page.setViewportSize({ width: 440, height: 1400 });
    await expect.poll(() => rowsInDom(page)).toBeGreaterThan(before);
    expect(await rowsInDom(page)).toBeLessThan(BOUNDED);
    const ring = { ...newRingingCall(), fromName: 'Nadia Newcall' };
    await w.push(signedIn({ sessions: [ring, ...CALLS] }));
    await expect
      .poll(() => page.locator('[aria-live="assertive"]').textContent())
      .toContain('Nadia Newcall');
    await page.setViewportSize({ width: 440, height: 720 });
    await page.close();
  });
});
