// @vitest-environment happy-dom
// The details view gets its call from main (`getCall`): the pushed state has only the lists'
// summaries. It fetches on open, again when that call's summary changes, and keeps showing it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FoundCall, Session } from '../../main/boundary/contract.js';
import { call, signedIn } from '../../harness/app-states.js';
import { mountApp, settle, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const held: Session = call('a', {
  fromName: 'Hana Held',
  callState: 'Hold',
  log: [{ date: '2026-11-26T13:59:00.000Z', message: 'Put on hold' }],
});
const logLines = (m: Mounted) => m.findAll('.timeline-message').map((li) => li.textContent);

describe('call details from main', () => {
  it('asks main for the call when its details open, quietly loading meanwhile', async () => {
    const bridge = stubBridge(signedIn({ sessions: [held] }));
    let answer: (found: FoundCall | null) => void = () => undefined;
    vi.mocked(bridge.getCall).mockReturnValueOnce(new Promise((done) => (answer = done)));
    app = await mountApp(bridge, '#/sessions/a');
    expect(bridge.getCall).toHaveBeenCalledWith('a');
    expect(app.find('h1').textContent).toBe('Loading…');
    expect(app.find('main').getAttribute('aria-busy')).toBe('true');
    expect(app.text()).not.toContain('Hana Held');
    answer({ session: held, ended: false });
    await settle();
    expect(app.find('h1').textContent).toBe('Hana Held (+15035550100)');
    expect(logLines(app)).toEqual(['Put on hold']);
  });

  it('asks again when that call changes in a push (resumed, a new log line), not on other pushes', async () => {
    const bridge = stubBridge(signedIn({ sessions: [held, call('b')] }));
    app = await mountApp(bridge, '#/sessions/a');
    expect(app.find('.details-head .badge').textContent).toBe('On hold');
    expect(bridge.getCall).toHaveBeenCalledTimes(1);

    // Another call changes, a setting changes: this call's summary is the same, nothing asked.
    bridge.push(signedIn({ sessions: [held, call('b', { callState: 'Connected' })] }));
    bridge.push(signedIn({ sessions: [held, call('b')], connection: { status: 'offline' } }));
    await settle();
    expect(bridge.getCall).toHaveBeenCalledTimes(1);

    const resumed: Session = {
      ...held,
      callState: 'Connected',
      log: [...(held.log ?? []), { date: '2026-11-26T13:59:30.000Z', message: 'Resumed' }],
    };
    bridge.push(signedIn({ sessions: [resumed, call('b')] }));
    await settle();
    expect(bridge.getCall).toHaveBeenCalledTimes(2);
    expect(app.find('.details-head .badge').textContent).toBe('Connected');
    expect(logLines(app)).toEqual(['Put on hold', 'Resumed']);

    // Only the log changes (same state, same row words): still a new call, asked again.
    const noted: Session = {
      ...resumed,
      log: [...(resumed.log ?? []), { date: '2026-11-26T13:59:40.000Z', message: 'Noted' }],
    };
    bridge.push(signedIn({ sessions: [noted, call('b')] }));
    await settle();
    expect(logLines(app)).toEqual(['Put on hold', 'Resumed', 'Noted']);
  });

  it('keeps showing a call that ends while its details are open, marked ended', async () => {
    const bridge = stubBridge(signedIn({ sessions: [held] }));
    app = await mountApp(bridge, '#/sessions/a');
    expect(app.text()).not.toContain('This call has ended.');
    bridge.push(signedIn({ sessions: [], recentlyEnded: [held] }));
    await settle();
    expect(bridge.getCall).toHaveBeenCalledTimes(2);
    expect(app.find('h1').textContent).toBe('Hana Held (+15035550100)');
    expect(app.find('.details-head .badge').textContent).toBe('Ended');
    expect(app.text()).toContain('This call has ended.');
  });

  it('drops an older answer that comes after a newer one', async () => {
    const bridge = stubBridge(signedIn({ sessions: [held] }));
    let late: (found: FoundCall | null) => void = () => undefined;
    vi.mocked(bridge.getCall).mockReturnValueOnce(new Promise((done) => (late = done)));
    app = await mountApp(bridge, '#/sessions/a');
    const resumed: Session = { ...held, callState: 'Connected' };
    bridge.push(signedIn({ sessions: [resumed] }));
    await settle();
    expect(app.find('.details-head .badge').textContent).toBe('Connected');
    late({ session: held, ended: false });
    await settle();
    expect(app.find('.details-head .badge').textContent).toBe('Connected');
  });
});
