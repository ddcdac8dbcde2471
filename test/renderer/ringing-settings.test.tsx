// @vitest-environment happy-dom
// The Ringing section of Settings, and the incoming-call window's route.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, signedIn } from '../../harness/app-states.js';
import { click, commit, mountApp, settle, typeInto, type Mounted } from './mount.js';
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

describe('Settings: the speaker the ring plays on', () => {
  const speakers = () =>
    Promise.resolve([
      { deviceId: '', label: '' },
      { deviceId: 'jabra', label: 'Jabra Evolve2 65' },
      { deviceId: 'hdmi', label: '' },
    ]);
  const options = (m: Mounted) =>
    [...field<HTMLSelectElement>(m, 'ring-device').options].map((o) => [o.value, o.text]);

  it('offers the system default, then the speakers as the OS names them; a choice is saved', async () => {
    const state = signedIn();
    state.settings = { ...state.settings, ringDevice: 'jabra' };
    const bridge = stubBridge(state, { listRingDevices: speakers });
    app = await mountApp(bridge, '#/settings');
    await settle();
    expect(bridge.listRingDevices).toHaveBeenCalledTimes(1);
    expect(options(app)).toEqual([
      ['', 'System default'],
      ['jabra', 'Jabra Evolve2 65'],
      ['hdmi', 'Speaker 2'],
    ]);
    expect(field<HTMLSelectElement>(app, 'ring-device').value).toBe('jabra');
    await choose(field<HTMLSelectElement>(app, 'ring-device'), 'hdmi');
    expect(vi.mocked(bridge.updateSettings).mock.calls.map(([p]) => p)).toEqual([
      { ringDevice: 'hdmi' },
    ]);
    expect(app.findAll('#ring-device-missing')).toHaveLength(0);
  });

  it('a chosen speaker that is gone: kept as the choice, and the window says the ring uses the default', async () => {
    const state = signedIn();
    state.settings = { ...state.settings, ringDevice: 'usb-headset' };
    state.ringDeviceMissing = 'usb-headset';
    const bridge = stubBridge(state, { listRingDevices: speakers });
    app = await mountApp(bridge, '#/settings');
    await settle();
    expect(options(app).at(-1)).toEqual(['usb-headset', 'The chosen speaker (not connected)']);
    expect(field<HTMLSelectElement>(app, 'ring-device').value).toBe('usb-headset');
    expect(app.find('#ring-device-missing').textContent).toBe(
      'The chosen speaker was not found: ringing on the system default.',
    );
    // Another choice: main clears the notice (AppState.ringDeviceMissing goes).
    const next = signedIn();
    next.settings = { ...next.settings, ringDevice: '' };
    bridge.push(next);
    await settle();
    expect(app.findAll('#ring-device-missing')).toHaveLength(0);
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
