// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedIn } from '../../harness/app-states.js';
import { click, commit, mountApp, settle, typeInto, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const input = (m: Mounted, id: string): HTMLInputElement => m.find(`#${id}`) as HTMLInputElement;

describe('settings', () => {
  it('shows every setting with its current value', async () => {
    const state = signedIn();
    state.settings = {
      ...state.settings,
      pollIntervalMs: 5000,
      ringingIntervalMs: 750,
      holdAlertDelayMs: 30_000,
      holdReminderMs: 0,
      alerts: { ringing: true, held: false, missed: true, connection: false },
      sound: false,
      openAtLogin: true,
    };
    app = await mountApp(stubBridge(state), '#/settings');
    expect(app.text()).toContain('https://evovoice.io');
    expect(app.text()).toContain('ada@example.com');
    expect(input(app, 'poll-interval').value).toBe('5');
    expect(input(app, 'ringing-interval').value).toBe('0.75');
    expect(input(app, 'hold-delay').value).toBe('30');
    expect(input(app, 'hold-reminder').value).toBe('0');
    expect(
      ['ringing', 'held', 'missed', 'connection'].map(
        (k) => input(app as Mounted, `alert-${k}`).checked,
      ),
    ).toEqual([true, false, true, false]);
    expect(input(app, 'sound').checked).toBe(false);
    expect(input(app, 'open-at-login').checked).toBe(true);
  });

  it('saves a duration typed in seconds as milliseconds', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await typeInto(input(app, 'poll-interval'), '7.5');
    await commit(input(app, 'poll-interval'));
    expect(bridge.updateSettings).toHaveBeenCalledWith({ pollIntervalMs: 7500 });
    await typeInto(input(app, 'ringing-interval'), '0.5');
    await commit(input(app, 'ringing-interval'));
    expect(bridge.updateSettings).toHaveBeenCalledWith({ ringingIntervalMs: 500 });
  });

  it('saves one alert kind without touching the others', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await click(input(app, 'alert-held'));
    expect(bridge.updateSettings).toHaveBeenCalledWith({ alerts: { held: false } });
  });

  it('shows the error next to the field, keeping what the agent typed', async () => {
    const bridge = stubBridge(signedIn(), {
      updateSettings: () =>
        Promise.reject(new Error('Check for calls every must be at least 1 second')),
    });
    app = await mountApp(bridge, '#/settings');
    await typeInto(input(app, 'poll-interval'), '0.2');
    await commit(input(app, 'poll-interval'));
    const error = app.find('#poll-interval-error');
    expect(error.textContent).toBe('Check for calls every must be at least 1 second');
    expect(error.closest('.setting')?.querySelector('#poll-interval')).toBe(
      input(app, 'poll-interval'),
    );
    expect(input(app, 'poll-interval').value).toBe('0.2');
    expect(input(app, 'poll-interval').getAttribute('aria-invalid')).toBe('true');
    expect(app.findAll('.field-error')).toHaveLength(1);
  });

  it('sends only the settings the window edits, one field at a time', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    for (const id of ['poll-interval', 'hold-delay', 'hold-reminder']) {
      await typeInto(input(app, id), '30');
      await commit(input(app, id));
    }
    for (const id of ['alert-ringing', 'alert-held', 'alert-missed', 'alert-connection']) {
      await click(input(app, id));
    }
    await click(input(app, 'sound'));
    await click(input(app, 'open-at-login'));
    const patches = vi.mocked(bridge.updateSettings).mock.calls.map(([patch]) => patch);
    expect(patches).toEqual([
      { pollIntervalMs: 30_000 },
      { holdAlertDelayMs: 30_000 },
      { holdReminderMs: 30_000 },
      { alerts: { ringing: false } },
      { alerts: { held: false } },
      { alerts: { missed: false } },
      { alerts: { connection: false } },
      { sound: false },
      { openAtLogin: true },
    ]);
  });

  it('does not send what is not a number', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await typeInto(input(app, 'hold-reminder'), '');
    await commit(input(app, 'hold-reminder'));
    expect(bridge.updateSettings).not.toHaveBeenCalled();
    expect(app.find('#hold-reminder-error').textContent).toBe('Enter a number of seconds');
  });

  it('pauses and resumes alerts', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    const button = (label: string): HTMLElement => {
      const found = app?.findAll('button').find((b) => b.textContent === label);
      if (!found) throw new Error(`no ${label} button`);
      return found;
    };
    expect((button('Resume alerts') as HTMLButtonElement).disabled).toBe(true);
    await click(button('15 minutes'));
    await click(button('1 hour'));
    await click(button('Until I resume'));
    expect(vi.mocked(bridge.pauseAlerts).mock.calls).toEqual([[15], [60], ['until-resumed']]);
    // Pausing is its own call: main takes no alertsPausedUntil through updateSettings.
    expect(bridge.updateSettings).not.toHaveBeenCalled();
    bridge.push(signedIn({ alertsPausedUntil: 'until-resumed' }));
    await settle();
    expect(app.text()).toContain('Alerts paused until you resume');
    await click(button('Resume alerts'));
    expect(bridge.pauseAlerts).toHaveBeenLastCalledWith(null);
  });

  it('signs out', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    const signOut = app.findAll('button').find((b) => b.textContent === 'Sign out');
    if (!signOut) throw new Error('no Sign out button');
    await click(signOut);
    expect(bridge.signOut).toHaveBeenCalledTimes(1);
  });
});
