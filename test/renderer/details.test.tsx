// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../main/boundary/contract.js';
import { call, fullSession, signedIn } from '../../harness/app-states.js';
import { click, mountApp, navigate, settle, type Mounted } from './mount.js';
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
      'https://avatars.example.net/eve.png',
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

  it('shows members with role, call state and mute', async () => {
    app = await mountApp(
      stubBridge(signedIn({ sessions: [fullSession()] })),
      '#/sessions/sess-full-1',
    );
    const [bob, eve] = app.findAll('.member');
    expect(bob?.textContent).toContain('RoleAgent');
    expect(bob?.textContent).toContain('Call stateConnected');
    expect(bob?.querySelector('.badge-muted')?.textContent).toBe('Muted');
    expect(eve?.querySelector('.badge-muted')).toBeNull();
  });

  it('asks the app for each avatar and shows the picture it answers, initials when none', async () => {
    const bridge = stubBridge(signedIn({ sessions: [fullSession()] }), {
      getAvatar: (url) =>
        Promise.resolve(url.includes('bob') ? 'data:image/png;base64,Ym9i' : null),
    });
    app = await mountApp(bridge, '#/sessions/sess-full-1');
    expect(vi.mocked(bridge.getAvatar).mock.calls).toEqual([
      ['https://cdn.example.com/bob.png'],
      ['https://avatars.example.net/eve.png'],
    ]);
    const [bob, eve] = app.findAll('.member');
    expect(bob?.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,Ym9i');
    expect(eve?.querySelector('img')).toBeNull();
    expect(eve?.querySelector('.avatar-initials')?.textContent).toBe('ER');
  });

  it('shows initials while the avatar is on its way, and never an address main did not fetch', async () => {
    let answer: (value: string | null) => void = () => undefined;
    const bridge = stubBridge(signedIn({ sessions: [fullSession()] }), {
      getAvatar: (url) =>
        url.includes('bob')
          ? new Promise((resolve) => (answer = resolve))
          : Promise.resolve('https://tracker.example.com/eve.png'),
    });
    app = await mountApp(bridge, '#/sessions/sess-full-1');
    const [bob, eve] = app.findAll('.member');
    expect(bob?.querySelector('.avatar-initials')?.textContent).toBe('BB');
    expect(bob?.querySelector('img')).toBeNull();
    // An answer that is not a data: image would be a request from the window: it is not shown.
    expect(eve?.querySelector('img')).toBeNull();
    answer('data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E');
    await settle();
    expect(bob?.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
  });

  it('asks for each avatar once while the window is open, and again after a failed ask', async () => {
    const shared = 'https://cdn.example.com/team.png';
    const bridge = stubBridge(
      signedIn({
        sessions: [
          call('a', { members: [{ displayName: 'Ann', avatarUrl: shared }] }),
          call('b', {
            members: [
              { displayName: 'Ann', avatarUrl: shared },
              { displayName: 'Flaky', avatarUrl: 'https://cdn.example.com/flaky.png' },
            ],
          }),
        ],
      }),
      {
        getAvatar: (url) =>
          url.includes('flaky')
            ? Promise.reject(new Error('The app could not fetch it'))
            : Promise.resolve('data:image/png;base64,YW5u'),
      },
    );
    app = await mountApp(bridge, '#/sessions/a');
    // Each visit shows the members anew: through the list, then the other call, twice.
    for (const id of ['b', 'a', 'b']) {
      await navigate('#/calls');
      await navigate(`#/sessions/${id}`);
      await settle();
    }
    const asked = vi.mocked(bridge.getAvatar).mock.calls.map(([url]) => url);
    expect(asked.filter((url) => url === shared)).toHaveLength(1);
    expect(asked.filter((url) => url.includes('flaky'))).toHaveLength(2);
    expect(app.findAll('.member img').map((i) => i.getAttribute('src'))).toEqual([
      'data:image/png;base64,YW5u',
    ]);
    expect(app.find('.member:nth-child(2) .avatar-initials').textContent).toBe('F');
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

  it('says how soon the ringing alert came, for that call only', async () => {
    const state = signedIn({
      sessions: [call('r1'), call('r2')],
      ringing: [{ sessionId: 'r1', at: new Date().toISOString(), latencyMs: 1234 }],
    });
    app = await mountApp(stubBridge(state), '#/sessions/r1');
    expect(app.text()).toContain('Alerted 1.2 s after it began ringing');
    app.unmount();
    app = await mountApp(stubBridge(state), '#/sessions/r2');
    expect(app.text()).not.toContain('Alerted');
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

describe("the call's actions: whose call it is", () => {
  // Ada's user id and her endpoint id (from /app/config) differ, as on a real account.
  const asAda = (answeredById: string) =>
    signedIn({
      account: {
        status: 'signed-in',
        user: { name: 'Ada Agent', id: 'usr-ada' },
        keychain: 'available',
      },
      agent: { state: 'Ready', reason: 'SetByUser', words: 'Ready', at: 0, endpointId: 'ep-ada' },
      sessions: [call('c1', { callState: 'Connected', answeredById, members: [] })],
    });
  const buttons = (m: Mounted) => m.findAll('button').map((b) => b.textContent ?? '');

  it("answered on the agent's endpoint: Hold, Transfer and Hang up", async () => {
    app = await mountApp(stubBridge(asAda('ep-ada')), '#/sessions/c1');
    expect(buttons(app)).toEqual(expect.arrayContaining(['Hold', 'Transfer…', 'Hang up']));
  });

  it('answered on another endpoint: none of them', async () => {
    app = await mountApp(stubBridge(asAda('ep-other')), '#/sessions/c1');
    expect(buttons(app)).not.toContain('Hold');
    expect(buttons(app)).not.toContain('Hang up');
  });
});
