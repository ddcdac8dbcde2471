// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/contract.js';
import { call, fullSession, signedIn } from './fixtures.js';
import { click, mountApp, navigate, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const section = (m: Mounted, id: string): HTMLElement => m.find(`[data-section="${id}"]`);

/** Every string the session carries, nested ones included, except dates (shown through Intl). */
function textValues(session: Session): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string' && !/^date/i.test(key)) out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object')
      Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(session, '');
  return out;
}

describe('call details', () => {
  it('shows every field of a full session, in its sections', async () => {
    const session = fullSession();
    app = await mountApp(stubBridge(signedIn({ sessions: [session] })), '#/sessions/sess-full-1');
    const sections = app.findAll('[data-section]').map((s) => s.dataset['section']);
    expect(sections).toEqual(['parties', 'state', 'members', 'log', 'customer', 'account', 'ids']);
    const text = app.text();
    const avatarOnly = new Set([
      'https://cdn.example.com/bob.png',
      'http://tracker.example.com/eve.png',
    ]);
    for (const value of textValues(session).filter((v) => !avatarOnly.has(v))) {
      expect(text, value).toContain(value);
    }
    // Dates keep their raw value in dateTime; the agent reads them through Intl.
    const times = app.findAll('time').map((t) => t.getAttribute('datetime'));
    for (const date of [
      session.dateCreated,
      session.dateCompleted,
      session.dateLastModified,
      ...(session.log ?? []).map((l) => l.date),
    ]) {
      expect(times).toContain(date);
    }
  });

  it('puts parties, state, account and ids where the agent looks for them', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [fullSession()] })),
      '#/sessions/sess-full-1',
    );
    expect(section(app, 'parties').textContent).toContain('Callback number+15035550222');
    expect(section(app, 'state').textContent).toContain('Hold reasonTransferring (a transfer)');
    expect(section(app, 'state').textContent).toContain('Held byuser-holder-9');
    expect(section(app, 'state').textContent).toContain('MissedNo');
    expect(section(app, 'account').textContent).toContain('EndpointFront desk phone');
    expect(app.findAll('.breadcrumb li').map((li) => li.textContent)).toEqual([
      'Acme Holdings (crumb-root)',
      'Acme West (crumb-leaf)',
    ]);
    expect(app.findAll('.timeline-message').map((li) => li.textContent)).toEqual([
      'Call started ringing',
      'Answered by Bob Builder',
    ]);
  });

  it('shows members with role, call state and mute, and loads avatars only over https', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [fullSession()] })),
      '#/sessions/sess-full-1',
    );
    const [bob, eve] = app.findAll('.member');
    expect(bob?.textContent).toContain('RoleAgent');
    expect(bob?.textContent).toContain('Call stateConnected');
    expect(bob?.querySelector('.badge-muted')?.textContent).toBe('Muted');
    expect(bob?.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example.com/bob.png');
    expect(eve?.querySelector('img')).toBeNull();
    expect(eve?.querySelector('.badge-muted')).toBeNull();
  });

  it('loads an avatar over http only from this machine', async () => {
    const session = call('m', {
      members: [
        { displayName: 'Local', avatarUrl: 'http://127.0.0.1:8080/a.png' },
        { displayName: 'Script', avatarUrl: 'javascript:alert(1)' },
      ],
    });
    app = await mountApp(stubBridge(signedIn({ sessions: [session] })), '#/sessions/m');
    expect(app.findAll('.member img').map((i) => i.getAttribute('src'))).toEqual([
      'http://127.0.0.1:8080/a.png',
    ]);
  });

  it('copies an id through the app', async () => {
    const bridge = stubBridge(signedIn({ sessions: [fullSession()] }));
    app = await mountApp(bridge, '#/sessions/sess-full-1');
    const labels = app.findAll('.ids button').map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual([
      'Copy Session id',
      'Copy Call SID',
      'Copy Conference SID',
      'Copy Most recent participant call SID',
      'Copy Queue member id',
      'Copy Ring queue id',
    ]);
    await click(app.find('button[aria-label="Copy Conference SID"]'));
    expect(bridge.copyText).toHaveBeenCalledWith('CF-conference-1');
    expect(app.find('.ids').textContent).toContain('Copied');
  });

  it('leaves out sections the session has nothing for', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [{ id: 'bare', callState: 'Ringing' }] })),
      '#/sessions/bare',
    );
    expect(app.findAll('[data-section]').map((s) => s.dataset['section'])).toEqual([
      'state',
      'ids',
    ]);
    expect(app.find('h1').textContent).toBe('Unknown caller');
  });

  it('keeps a call that ended visible, marked ended', async () => {
    const ended = call('gone', { fromName: 'Gone Caller', callState: 'Connected' });
    app = await mountApp(stubBridge(signedIn({ recentlyEnded: [ended] })), '#/sessions/gone');
    expect(app.find('h1').textContent).toBe('Gone Caller (+15035550100)');
    expect(app.find('.details-head .badge').textContent).toBe('Ended');
    expect(app.text()).toContain('This call has ended.');
  });

  it('finds a missed call through the missed list', async () => {
    const missed = call('m1', { fromName: 'Missed Caller', wasMissed: true });
    const state = signedIn({
      missed: [
        {
          sessionId: 'm1',
          at: new Date().toISOString(),
          title: 'Missed call',
          body: 'x',
          session: missed,
          seen: false,
        },
      ],
    });
    app = await mountApp(stubBridge(state), '#/sessions/m1');
    expect(app.find('h1').textContent).toBe('Missed Caller (+15035550100)');
    expect(app.find('.details-head .badge').textContent).toBe('Ended');
  });

  it('marks a live call the API reports ended', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [call('e', { ended: true })] })),
      '#/sessions/e',
    );
    expect(app.text()).toContain('This call has ended.');
  });

  it('says an unknown call is no longer available, with a way back', async () => {
    app = await mountApp(stubBridge(signedIn()), '#/sessions/nope');
    expect(app.find('h1').textContent).toBe('This call is no longer available');
    expect(app.find('a.back').getAttribute('href')).toBe('#/calls');
  });

  it('goes back to the list the agent came from', async () => {
    const missed = call('m1', { wasMissed: true });
    const state = signedIn({
      missed: [
        {
          sessionId: 'm1',
          at: new Date().toISOString(),
          title: 't',
          body: 'b',
          session: missed,
          seen: true,
        },
      ],
    });
    app = await mountApp(stubBridge(state), '#/missed');
    await navigate('#/sessions/m1');
    expect(app.find('a.back').getAttribute('href')).toBe('#/missed');
  });
});
