// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MissedCall } from '../../main/boundary/contract.js';
import { NOW, signedIn } from '../../harness/app-states.js';
import { click, mountApp, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] }));
afterEach(() => {
  app?.unmount();
  vi.useRealTimers();
});

function missed(id: string, minutesAgo: number, seen = false): MissedCall {
  return {
    sessionId: id,
    at: new Date(NOW - minutesAgo * 60_000).toISOString(),
    title: `Missed call from ${id}`,
    body: `Support line · ${id}`,
    seen,
  };
}

describe('missed calls', () => {
  it('lists them newest first, with relative and absolute times', async () => {
    const state = signedIn({
      missed: [missed('older', 90, true), missed('newest', 3), missed('middle', 20)],
    });
    app = await mountApp(stubBridge(state), '#/missed');
    const rows = app.findAll('.missed-row');
    expect(rows.map((r) => r.querySelector('.caller')?.textContent)).toEqual([
      'Missed call from newest',
      'Missed call from middle',
      'Missed call from older',
    ]);
    expect(rows[0]?.textContent).toContain('3 minutes ago');
    expect(rows[2]?.textContent).toContain('1 hour ago');
    expect(rows[0]?.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(NOW - 180_000).toISOString(),
    );
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('#/sessions/newest');
  });

  it('shows the unseen count on the Missed tab', async () => {
    app = await mountApp(
      stubBridge(signedIn({ missed: [missed('a', 1), missed('b', 2), missed('c', 3, true)] })),
    );
    const tab = app.find('nav a[href="#/missed"]');
    expect(tab.querySelector('.count')?.textContent).toBe('2 unseen');
    expect(tab.textContent).toBe('Missed2 unseen');
  });

  it('clears them through the app', async () => {
    const bridge = stubBridge(signedIn({ missed: [missed('a', 1)] }));
    app = await mountApp(bridge, '#/missed');
    const clear = app.findAll('button').find((b) => b.textContent === 'Clear');
    if (!clear) throw new Error('no Clear button');
    await click(clear);
    expect(bridge.clearMissed).toHaveBeenCalledTimes(1);
  });

  it('shows why clearing failed', async () => {
    const bridge = stubBridge(signedIn({ missed: [missed('a', 1)] }));
    vi.mocked(bridge.clearMissed).mockRejectedValueOnce(
      new Error('Could not save the missed calls'),
    );
    app = await mountApp(bridge, '#/missed');
    const clear = app.findAll('button').find((b) => b.textContent === 'Clear');
    if (!clear) throw new Error('no Clear button');
    await click(clear);
    expect(app.find('[role="alert"]').textContent).toBe('Could not save the missed calls');
  });

  it('says when there are none', async () => {
    app = await mountApp(stubBridge(signedIn()), '#/missed');
    expect(app.text()).toContain('No missed calls.');
    expect(app.findAll('button').some((b) => b.textContent === 'Clear')).toBe(false);
  });
});

describe('call back from the missed list', () => {
  it('Call back asks main for the number; a refusal is shown; Copy number copies it', async () => {
    const withNumber = { ...missed('away', 5), number: '+15035550101', whileAway: true };
    const bridge = stubBridge(signedIn({ missed: [withNumber, missed('no-number', 9)] }));
    vi.mocked(bridge.callBack).mockResolvedValueOnce({
      ok: false,
      error: 'Cannot call back: "x" is not a phone number.',
    });
    app = await mountApp(bridge, '#/missed');
    const rows = app.findAll('.missed-row');
    expect(rows[0]?.textContent).toContain('while you were away');
    expect(rows[1]?.querySelector('.missed-actions')).toBeNull();
    await click(app.find('button[aria-label="Call back +15035550101"]'));
    expect(bridge.callBack).toHaveBeenCalledWith('+15035550101');
    await vi.waitFor(() =>
      expect(app?.find('.missed-actions [role="alert"]').textContent).toMatch(/not a phone number/),
    );
    await click(app.find('button[aria-label="Copy number +15035550101"]'));
    expect(bridge.copyText).toHaveBeenCalledWith('+15035550101');
  });
});
