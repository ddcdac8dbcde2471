// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tickerListenerCount } from '../../renderer/src/ticker.js';
import { call, NOW, signedIn } from '../../harness/app-states.js';
import { mountApp, settle, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'],
  });
});
afterEach(() => {
  app?.unmount();
  app = undefined;
  vi.useRealTimers();
});

const headings = (m: Mounted): string[] =>
  m.findAll('.call-group h2').map((h) => h.firstChild?.textContent?.trim() ?? '');

describe('calls', () => {
  it('says so kindly when there are no calls', async () => {
    app = await mountApp(stubBridge(signedIn()));
    expect(app.text()).toContain("No calls right now — we'll alert you when one rings.");
  });

  it('groups calls ringing first, then on hold, connected, queued and other', async () => {
    const sessions = [
      call('c', { callState: 'Connected' }),
      call('o', { callState: 'Passive' }),
      call('q', { callState: undefined, queueState: 'Queued' }),
      call('h', { callState: 'Hold' }),
      call('r', { callState: 'Ringing' }),
      call('r2', { callState: undefined, queueState: 'Ringing' }),
    ];
    app = await mountApp(stubBridge(signedIn({ sessions })));
    expect(headings(app)).toEqual(['Ringing', 'On hold', 'Connected', 'Queued', 'Other']);
    const ids = app.findAll('.call-row a').map((a) => a.getAttribute('href'));
    expect(ids).toEqual([
      '#/sessions/r',
      '#/sessions/r2',
      '#/sessions/h',
      '#/sessions/c',
      '#/sessions/q',
      '#/sessions/o',
    ]);
  });

  it('shows caller, line, customer and a state badge on each row', async () => {
    const session = call('a', {
      fromName: 'Jane Doe',
      toAddress: 'Sales line',
      customerName: 'Acme West',
    });
    app = await mountApp(stubBridge(signedIn({ sessions: [session] })));
    const row = app.find('.call-row');
    expect(row.querySelector('.caller')?.textContent).toBe('Jane Doe (+15035550100)');
    expect(row.textContent).toContain('Sales line');
    expect(row.textContent).toContain('Acme West');
    expect(row.querySelector('.badge')?.textContent).toBe('Ringing');
  });

  it('falls back to the endpoint when the session names no line', async () => {
    const session = call('a', { toAddress: undefined, endpointName: 'Front desk phone' });
    app = await mountApp(stubBridge(signedIn({ sessions: [session] })));
    expect(app.find('.call-row').textContent).toContain('Front desk phone');
  });

  it('shows the hold queue of a held call, and says transfer when it is one', async () => {
    const sessions = [
      call('h1', { callState: 'Hold', holdQueueName: 'Sales hold' }),
      call('h2', { callState: 'Hold', holdQueueName: 'Billing hold', holdReason: 'Transferring' }),
    ];
    app = await mountApp(stubBridge(signedIn({ sessions })));
    const [plain, transfer] = app.findAll('.call-row');
    expect(plain?.textContent).toContain('Hold queue: Sales hold');
    expect(plain?.textContent).not.toContain('transfer');
    expect(transfer?.textContent).toContain('Hold queue: Billing hold');
    expect(transfer?.querySelector('.transfer')?.textContent).toBe('transfer');
  });

  it('shows an unknown state in the API word under Other', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [call('x', { callState: 'Whispering' })] })),
    );
    expect(headings(app)).toEqual(['Other']);
    expect(app.find('.badge').textContent).toBe('Whispering');
  });

  it('ticks the elapsed time every second from when the call was created', async () => {
    app = await mountApp(stubBridge(signedIn({ sessions: [call('a')] })));
    expect(app.find('.elapsed').textContent).toBe('0:42');
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(app.find('.elapsed').textContent).toBe('0:43');
    await act(async () => {
      vi.advanceTimersByTime(3600_000);
    });
    expect(app.find('.elapsed').textContent).toBe('1:00:43');
  });

  it('shares one ticker between all rows and stops it when the window closes', async () => {
    const sessions = Array.from({ length: 50 }, (_, i) => call(`s${i}`));
    app = await mountApp(stubBridge(signedIn({ sessions })));
    expect(vi.getTimerCount()).toBe(1);
    app.unmount();
    app = undefined;
    expect(tickerListenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('updates live when the app pushes a new state, keeping rows by id', async () => {
    const bridge = stubBridge(signedIn({ sessions: [call('a', { callState: 'Connected' })] }));
    app = await mountApp(bridge);
    const before = app.find('.call-row');
    bridge.push(
      signedIn({
        sessions: [call('b', { fromName: 'New Caller' }), call('a', { callState: 'Connected' })],
      }),
    );
    await settle();
    expect(headings(app)).toEqual(['Ringing', 'Connected']);
    expect(app.find('.group-ringing .caller').textContent).toBe('New Caller (+15035550100)');
    expect(app.find('.group-connected .call-row')).toBe(before);
  });

  it('announces a call that starts ringing to screen readers, not the ones already ringing', async () => {
    const bridge = stubBridge(
      signedIn({ sessions: [call('old', { fromName: 'Already Ringing' })] }),
    );
    app = await mountApp(bridge);
    const announcer = app.find('[aria-live="assertive"]');
    expect(announcer.textContent).toBe('');
    bridge.push(
      signedIn({
        sessions: [
          call('old', { fromName: 'Already Ringing' }),
          call('new', { fromName: 'Fresh' }),
        ],
      }),
    );
    await settle();
    expect(announcer.textContent).toBe('Ringing: Fresh (+15035550100)');
  });

  it('counts the calls in the Calls tab', async () => {
    app = await mountApp(stubBridge(signedIn({ sessions: [call('a'), call('b')] })));
    expect(app.find('nav a[href="#/calls"]').textContent).toBe('Calls2');
    expect(app.find('nav a[href="#/calls"]').getAttribute('aria-current')).toBe('page');
  });
});
