// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, signedIn } from '../../harness/app-states.js';
import { mountApp, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] }));
afterEach(() => {
  app?.unmount();
  vi.useRealTimers();
});

describe('status line', () => {
  it('says online, when it last checked (kept fresh) and who is signed in', async () => {
    app = await mountApp(
      stubBridge(signedIn({ connection: { status: 'online', lastPollAt: NOW - 5000 } })),
    );
    const line = app.find('.status-line');
    expect(line.querySelector('[role="status"]')?.textContent).toBe('Online');
    expect(line.textContent).toContain('Checked 5 seconds ago');
    expect(line.querySelector('.agent')?.textContent).toBe('Ada Agent');
    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    expect(line.textContent).toContain('Checked 1 minute ago');
  });

  it('shows the time of the last check too, to the second, and on hover', async () => {
    const at = NOW - 5000;
    app = await mountApp(
      stubBridge(signedIn({ connection: { status: 'online', lastPollAt: at } })),
    );
    const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(at);
    const checked = app.find('.status-line .checked');
    expect(checked.textContent).toBe(`Checked 5 seconds ago · ${clock}`);
    expect(checked.querySelector('time')?.getAttribute('title')).toBe(clock);
    expect(checked.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(at).toISOString(),
    );
  });

  it('says offline and shows an error in its own words', async () => {
    app = await mountApp(stubBridge(signedIn({ connection: { status: 'offline' } })));
    expect(app.find('.status-line [role="status"]').textContent).toBe('Offline — retrying');
    app.unmount();
    app = await mountApp(
      stubBridge(signedIn({ connection: { status: 'error', detail: 'Server error 503' } })),
    );
    expect(app.find('.status-line [role="status"]').textContent).toBe(
      'Evo Voice error: Server error 503',
    );
  });

  it('says when the list of calls was too large to watch, in the client’s words', async () => {
    const detail = 'Evo Voice sent a list larger than 64 MB, too large to watch; it was not read.';
    app = await mountApp(stubBridge(signedIn({ connection: { status: 'too-large', detail } })));
    expect(app.find('.status-line [role="status"]').textContent).toBe(
      `Too many calls to watch: ${detail}`,
    );
  });

  it('says until when alerts are paused, and stops saying it once the time has passed', async () => {
    const until = NOW + 15 * 60_000;
    app = await mountApp(stubBridge(signedIn({ alertsPausedUntil: until })));
    const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(until);
    expect(app.find('.status-line').textContent).toContain(`Alerts paused until ${clock}`);
    await act(async () => {
      vi.advanceTimersByTime(15 * 60_000 + 1000);
    });
    expect(app.find('.status-line').textContent).not.toContain('Alerts paused');
  });
});

describe("the agent's state in the status line", () => {
  it('shows the words main sent, marked when no calls will ring', async () => {
    const agent = {
      state: 'NotReady',
      reason: 'MissedCall',
      words: 'Not ready — after a missed call',
      at: NOW,
    };
    app = await mountApp(stubBridge(signedIn({ agent })));
    const shown = app.find('.status-line .agent-state');
    expect(shown.textContent).toBe('Not ready — after a missed call');
    expect(shown.className).toContain('agent-state-NotReady');
  });

  it('shows nothing while the state is unknown', async () => {
    app = await mountApp(stubBridge(signedIn({})));
    expect(app.findAll('.status-line .agent-state')).toEqual([]);
  });
});
