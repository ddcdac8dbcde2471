// The call's actions in the details view, in Chromium: the buttons of each state, the
// confirmation, the transfer form with the recent destinations, the busy state, an error.
// Main is faked in the page (fake-bridge.js); accessibility is checked with the other views in
// window.test.ts (the details and transfer screens).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServedWindow, hasChromium, serveWindow } from './served-window.js';
import type { AppState } from '../../main/boundary/contract.js';
import type { StaticServer } from '../../harness/window/static-server.js';
import { busyState } from '../../harness/window/window-fixtures.js';
import { openWindow, type Browser } from '../../harness/window/window-page.js';

type Page = Awaited<ReturnType<typeof openWindow>>['page'];

const answer = (page: Page, result: unknown, delayMs = 0) =>
  page.evaluate(
    ([r, d]) =>
      (
        window as unknown as { __evoTest: { answerCallAction(r: unknown, d: number): void } }
      ).__evoTest.answerCallAction(r, d as number),
    [result, delayMs] as const,
  );

const buttons = async (page: Page) =>
  page
    .locator('.call-actions [role="group"][aria-label="Actions for this call"] button')
    .allTextContents();

describe.skipIf(!hasChromium)('call actions in the details view', () => {
  let browser: Browser;
  let server: StaticServer;
  const open = (state: AppState, hash: string) =>
    openWindow(browser.context, server.origin, state, hash);

  beforeAll(async () => {
    ({ browser, server } = await serveWindow());
  }, 120_000);

  afterAll(() => closeServedWindow({ browser, server }));

  it("shows the buttons of each call's state, and none for a queued call", async () => {
    const expected: Record<string, string[]> = {
      'ring-1': ['Decline'],
      'hold-1': ['Resume', 'Transfer…', 'Hang up'],
      'conn-1': ['Hold', 'Transfer…', 'Hang up'],
      'queue-1': [],
    };
    for (const [id, labels] of Object.entries(expected)) {
      const { page } = await open(busyState(), `#/sessions/${id}`);
      await page.locator('[data-section="ids"]').waitFor();
      expect(await buttons(page), id).toEqual(labels);
      await page.close();
    }
  });

  it('Hold is sent at once; busy while sent, a second click does nothing', async () => {
    const w = await open(busyState(), '#/sessions/conn-1');
    const { page } = w;
    await answer(page, { ok: true }, 600);
    await page.getByRole('button', { name: 'Hold' }).click();
    const busy = page.getByRole('button', { name: 'Holding…' });
    await busy.waitFor();
    expect(await busy.getAttribute('aria-busy')).toBe('true');
    // force: the agent clicks whatever Playwright thinks of an aria-disabled button.
    await busy.click({ force: true });
    await page.getByRole('button', { name: 'Hold' }).waitFor();
    expect(await w.bridgeCalls('callAction')).toEqual([[{ sessionId: 'conn-1', action: 'hold' }]]);
    await page.close();
  });

  it('Hang up asks once more; Cancel sends nothing, Yes sends it', async () => {
    const w = await open(busyState(), '#/sessions/conn-1');
    const { page } = w;
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('Hang up this call?').waitFor();
    // The answer has the focus, so Enter confirms and Tab reaches Cancel.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Yes, hang up');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByText('Hang up this call?').count()).toBe(0);
    expect(await w.bridgeCalls('callAction')).toEqual([]);

    await page.getByRole('button', { name: 'Hang up' }).click();
    // Enter once the question has the focus (as the agent sees it), not before its effect ran.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Yes, hang up');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => w.bridgeCalls('callAction'))
      .toEqual([[{ sessionId: 'conn-1', action: 'hangUp' }]]);
    await page.close();
  });

  it('Decline asks once more too, and shows main refusal', async () => {
    const w = await open(busyState(), '#/sessions/ring-1');
    const { page } = w;
    await answer(page, { ok: false, error: 'This call has already ended.' });
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('button', { name: 'Yes, decline' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('This call has already ended.');
    expect(await w.bridgeCalls('callAction')).toEqual([
      [{ sessionId: 'ring-1', action: 'decline' }],
    ]);
    await page.close();
  });

  it('Transfer: the form checks the destination, offers the recent ones, sends it', async () => {
    const w = await open(busyState(), '#/sessions/hold-1');
    const { page } = w;
    await page.getByRole('button', { name: 'Transfer…' }).click();
    const field = page.getByLabel('Number, extension or SIP address');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('transfer-destination');
    await field.fill('call me maybe');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByText(/is not a number, an extension or a SIP address/).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await w.bridgeCalls('callAction')).toEqual([]);

    const recent = page.getByRole('group', { name: 'Recent destinations' }).getByRole('button');
    expect(await recent.allTextContents()).toEqual([
      '2040',
      '+15035550142',
      'sip:desk@pbx.example.com',
    ]);
    await page.getByRole('button', { name: 'Use sip:desk@pbx.example.com' }).click();
    expect(await field.inputValue()).toBe('sip:desk@pbx.example.com');
    await answer(page, { ok: true }, 300);
    await field.press('Enter');
    await page.getByRole('button', { name: 'Transferring…' }).first().waitFor();
    await expect.poll(() => page.locator('form.transfer-form').count()).toBe(0);
    expect(await w.bridgeCalls('callAction')).toEqual([
      [{ sessionId: 'hold-1', action: 'transfer', destination: 'sip:desk@pbx.example.com' }],
    ]);
    await page.close();
  });

  it('opened from the tray (#/sessions/<id>/transfer), the form is already open', async () => {
    const { page } = await open(busyState(), '#/sessions/conn-1/transfer');
    await page.getByLabel('Number, extension or SIP address').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('form.transfer-form').count()).toBe(0);
    await page.close();
  });
});
