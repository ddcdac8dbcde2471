// Which running parts a saved settings change must reach: the watcher's timing, the global
// shortcut, the login item. Everything else is only written and shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../main/boundary/contract.js';
import { settingsChanges, timingOf } from '../../main/settings/index.js';
import { validSettings } from './arbitraries.js';

const NOTHING = { timing: false, shortcut: false, openAtLogin: false };

describe('settingsChanges', () => {
  it('the same settings, or a fresh copy of them, change nothing', () => {
    expect(settingsChanges(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual(NOTHING);
    expect(settingsChanges(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual(NOTHING);
  });

  it.each([
    ['pollIntervalMs', 5000],
    ['ringingIntervalMs', 2000],
    ['holdAlertDelayMs', 30_000],
    ['holdReminderMs', 0],
  ] as const)('%s is timing: the watcher is told', (key, value) => {
    const after: Settings = { ...DEFAULT_SETTINGS, [key]: value };
    expect(settingsChanges(DEFAULT_SETTINGS, after)).toEqual({ ...NOTHING, timing: true });
  });

  it('the shortcut and the login item are each their own change', () => {
    const shortcut = { ...DEFAULT_SETTINGS, globalShortcut: 'CommandOrControl+Shift+A' };
    expect(settingsChanges(DEFAULT_SETTINGS, shortcut)).toEqual({ ...NOTHING, shortcut: true });
    const login = { ...DEFAULT_SETTINGS, openAtLogin: !DEFAULT_SETTINGS.openAtLogin };
    expect(settingsChanges(DEFAULT_SETTINGS, login)).toEqual({ ...NOTHING, openAtLogin: true });
  });

  it('settings the running parts do not read (bounds, sound, alerts, pause) change nothing', () => {
    const after: Settings = {
      ...DEFAULT_SETTINGS,
      windowBounds: { x: 1, y: 2, width: 300, height: 400 },
      sound: !DEFAULT_SETTINGS.sound,
      alerts: { ...DEFAULT_SETTINGS.alerts, held: false },
      alertsPausedUntil: 'until-resumed',
      recentDestinations: ['101'],
    };
    expect(settingsChanges(DEFAULT_SETTINGS, after)).toEqual(NOTHING);
  });

  it('timing changed exactly when some timing field differs', () => {
    fc.assert(
      fc.property(validSettings, validSettings, (before, after) => {
        const differs = (Object.keys(timingOf(before)) as (keyof ReturnType<typeof timingOf>)[])
          .map((key) => timingOf(before)[key] !== timingOf(after)[key])
          .includes(true);
        const changed = settingsChanges(before, after);
        expect(changed.timing).toBe(differs);
        expect(changed.shortcut).toBe(before.globalShortcut !== after.globalShortcut);
        expect(changed.openAtLogin).toBe(before.openAtLogin !== after.openAtLogin);
      }),
    );
  });
});
