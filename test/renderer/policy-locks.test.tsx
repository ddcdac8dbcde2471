// @vitest-environment happy-dom
// A setting IT's policy enforces (AppState.policy.enforced) is shown disabled with "Set by your
// organisation"; the others stay the agent's. Remember me is locked off when IT forbids it.
import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, signedOut } from '../../harness/app-states.js';
import { click, mountApp, typeInto, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const control = (m: Mounted, id: string) => m.find(`#${id}`) as HTMLInputElement;
const NOTE = 'Set by your organisation';

/** The note the control points to (aria-describedby), if any. */
function noteOf(m: Mounted, id: string): string | undefined {
  const ids = control(m, id).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((d) => m.find(`#${d}`).textContent ?? '').find((text) => text === NOTE);
}

const LOCKABLE: [key: string, id: string][] = [
  ['alerts.ringing', 'alert-ringing'],
  ['alerts.held', 'alert-held'],
  ['holdAlertDelayMs', 'hold-delay'],
  ['holdReminderMs', 'hold-reminder'],
  ['sound', 'sound'],
  ['ringUntilAnswered', 'ring-until-answered'],
  ['ringSound', 'ring-sound'],
  ['ringVolume', 'ring-volume'],
  ['incomingWindow', 'incoming-window'],
  ['globalShortcut', 'global-shortcut'],
  ['language', 'language'],
  ['pollIntervalMs', 'poll-interval'],
  ['ringingIntervalMs', 'ringing-interval'],
  ['openAtLogin', 'open-at-login'],
  ['checkForUpdates', 'check-for-updates'],
  ['ringDevice', 'ring-device'],
  ['screenPop.url', 'screen-pop-url'],
  ['screenPop.when', 'screen-pop-when'],
];

describe('settings IT enforces', () => {
  it.each(LOCKABLE)('%s: its control is disabled with the note', async (key, id) => {
    app = await mountApp(stubBridge(signedIn({ policy: { enforced: [key] } })), '#/settings');
    expect(control(app, id).disabled).toBe(true);
    expect(noteOf(app, id)).toBe(NOTE);
    // Only that one: every other control stays the agent's.
    const others = LOCKABLE.filter(([k]) => k !== key).map(([, other]) => other);
    expect(others.filter((other) => control(app as Mounted, other).disabled)).toEqual([]);
    expect(app.findAll('.policy-note')).toHaveLength(1);
  });

  it('without a policy nothing is locked and no note shows', async () => {
    app = await mountApp(stubBridge(signedIn()), '#/settings');
    expect(LOCKABLE.filter(([, id]) => control(app as Mounted, id).disabled)).toEqual([]);
    expect(app.text()).not.toContain(NOTE);
  });

  it('a nested key locks only that field: alerts.held, not the other alerts', async () => {
    const bridge = stubBridge(signedIn({ policy: { enforced: ['alerts.held'] } }));
    app = await mountApp(bridge, '#/settings');
    expect(control(app, 'alert-held').disabled).toBe(true);
    await click(control(app, 'alert-missed'));
    expect(bridge.updateSettings).toHaveBeenCalledWith({ alerts: { missed: false } });
  });

  it('says it in the agent language', async () => {
    const state = signedIn({ policy: { enforced: ['sound'] }, locale: 'de' });
    app = await mountApp(stubBridge(state), '#/settings');
    expect(app.find('#sound-policy').textContent).toBe('Von Ihrer Organisation festgelegt');
  });
});

describe('Remember me when IT forbids keeping the password', () => {
  it('is locked off with the note, and the sign-in asks for nothing to be kept', async () => {
    const state = {
      ...signedOut(),
      policy: { enforced: [], allowRememberPassword: false as const },
    };
    const bridge = stubBridge(state);
    app = await mountApp(bridge);
    const remember = control(app, 'remember');
    expect(remember.disabled).toBe(true);
    expect(remember.checked).toBe(false);
    expect(noteOf(app, 'remember')).toBe(NOTE);
  });

  it('an enforced server is the only one offered, locked with the note', async () => {
    const state = signedOut();
    state.settings = { ...state.settings, server: 'https://crm-tenant.example.com' };
    const bridge = stubBridge({ ...state, policy: { enforced: ['server'] } });
    app = await mountApp(bridge);
    expect(control(app, 'server').disabled).toBe(true);
    expect(noteOf(app, 'server')).toBe(NOTE);
    expect(control(app, 'custom-server').value).toBe('https://crm-tenant.example.com');
    expect(control(app, 'custom-server').disabled).toBe(true);
    await typeInto(control(app, 'username'), 'ada');
    await typeInto(control(app, 'password'), 'pw');
    await click(app.find('button[type="submit"]'));
    expect(bridge.signIn).toHaveBeenCalledWith(
      expect.objectContaining({ server: 'https://crm-tenant.example.com' }),
    );
  });

  it('is the agent choice otherwise', async () => {
    app = await mountApp(stubBridge({ ...signedOut(), policy: { enforced: ['sound'] } }));
    expect(control(app, 'remember').disabled).toBe(false);
    expect(control(app, 'server').disabled).toBe(false);
    expect(app.text()).not.toContain(NOTE);
  });
});
