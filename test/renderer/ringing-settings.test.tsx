// @vitest-environment happy-dom
// The Ringing section of Settings, and the incoming-call window's route.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, signedIn } from '../../harness/app-states.js';
import { click, commit, mountApp, typeInto, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const field = <T extends HTMLElement = HTMLInputElement>(m: Mounted, id: string): T =>
  m.find(`#${id}`) as T;

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  await commit(select);
}

describe('Settings: ringing', () => {
  it('shows ring until answered, the sound, the volume, the window mode and the shortcut', async () => {
    const state = signedIn();
    state.settings = {
      ...state.settings,
      ringUntilAnswered: false,
      ringSound: 'double',
      ringVolume: 0.35,
      incomingWindow: 'always',
      globalShortcut: 'F9',
    };
    app = await mountApp(stubBridge(state), '#/settings');
    expect(field(app, 'ring-until-answered').checked).toBe(false);
    expect(field<HTMLSelectElement>(app, 'ring-sound').value).toBe('double');
    expect(field(app, 'ring-volume').value).toBe('35');
    expect(field<HTMLSelectElement>(app, 'incoming-window').value).toBe('always');
    expect(field(app, 'global-shortcut').value).toBe('F9');
  });

  it('saves each control as its own setting, the volume from 0 to 1', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await click(field(app, 'ring-until-answered'));
    await choose(field<HTMLSelectElement>(app, 'ring-sound'), 'chime');
    await typeInto(field(app, 'ring-volume'), '50');
    await commit(field(app, 'ring-volume'));
    await choose(field<HTMLSelectElement>(app, 'incoming-window'), 'never');
    await typeInto(field(app, 'global-shortcut'), ' CommandOrControl+Shift+A ');
    await commit(field(app, 'global-shortcut'));
    expect(vi.mocked(bridge.updateSettings).mock.calls.map(([p]) => p)).toEqual([
      { ringUntilAnswered: false },
      { ringSound: 'chime' },
      { ringVolume: 0.5 },
      { incomingWindow: 'never' },
      { globalShortcut: 'CommandOrControl+Shift+A' },
    ]);
  });

  it('Test rings through the bridge', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/settings');
    await click(field(app, 'ring-test'));
    expect(bridge.testRingSound).toHaveBeenCalledTimes(1);
    expect(bridge.updateSettings).not.toHaveBeenCalled();
  });

  it('a shortcut the OS refuses: the reason beside the field, the typed keys kept', async () => {
    const bridge = stubBridge(signedIn(), {
      updateSettings: () => Promise.reject(new Error('“F10” could not be registered.')),
    });
    app = await mountApp(bridge, '#/settings');
    await typeInto(field(app, 'global-shortcut'), 'F10');
    await commit(field(app, 'global-shortcut'));
    expect(app.find('#global-shortcut-error').textContent).toBe('“F10” could not be registered.');
    expect(field(app, 'global-shortcut').value).toBe('F10');
    expect(field(app, 'global-shortcut').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the incoming-call window (#/incoming)', () => {
  it('lists each ringing call with caller, line, time ringing and an Open button', async () => {
    const bridge = stubBridge(
      signedIn({
        sessions: [
          call('a', { fromName: 'Grace Hopper' }),
          call('b', { callState: 'Connected' }),
          call('c', { fromName: 'Out', direction: 'Outgoing' }),
        ],
      }),
    );
    app = await mountApp(bridge, '#/incoming');
    expect(app.find('h1').textContent).toBe('Incoming call');
    const rows = app.findAll('.incoming-call');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Grace Hopper (+15035550100)');
    expect(rows[0]?.textContent).toContain('On Support line');
    expect(rows[0]?.querySelector('.elapsed')).not.toBeNull();
    const open = rows[0]?.querySelector('button') as HTMLElement;
    await click(open);
    expect(bridge.openSession).toHaveBeenCalledWith('a');
    // No tabs, no sign-in form: just the calls.
    expect(app.findAll('nav')).toHaveLength(0);
  });
});
