import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { Settings } from '../../main/boundary/contract.js';
import {
  SettingsError,
  WINDOW_SETTING_KEYS,
  applySettingsPatch,
  readSettings,
  windowSettingsPatch,
} from '../../main/settings/index.js';
import { validSettings } from './arbitraries.js';

function refusal(patch: unknown): SettingsError {
  try {
    applySettingsPatch(DEFAULT_SETTINGS, patch);
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error(`patch was accepted: ${JSON.stringify(patch)}`);
}

describe('applySettingsPatch: accepted changes', () => {
  it('applies the given fields and keeps the rest', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      pollIntervalMs: 5000,
      sound: false,
      alerts: { held: false },
    });
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      pollIntervalMs: 5000,
      sound: false,
      alerts: { ...DEFAULT_SETTINGS.alerts, held: false },
    });
  });

  it('never changes the settings it was given', () => {
    const current: Settings = structuredClone(DEFAULT_SETTINGS);
    applySettingsPatch(current, { alerts: { ringing: false }, username: 'ada' });
    expect(current).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts the edges of every range', () => {
    const edges = [
      { pollIntervalMs: 1000 },
      { pollIntervalMs: 60000 },
      { holdAlertDelayMs: 0 },
      { holdAlertDelayMs: 3_600_000 },
      { holdReminderMs: 0 },
      { holdReminderMs: 10_000 },
      { holdReminderMs: 3_600_000 },
    ];
    for (const patch of edges) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, patch)).toMatchObject(patch);
    }
  });

  it('accepts a pause, "until-resumed" and null, and window bounds or null', () => {
    const bounds = { x: -1200, y: 40, width: 420, height: 640 };
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, { alertsPausedUntil: 1_800_000_000_000 }),
    ).toMatchObject({ alertsPausedUntil: 1_800_000_000_000 });
    expect(
      applySettingsPatch(DEFAULT_SETTINGS, { alertsPausedUntil: 'until-resumed' }),
    ).toMatchObject({ alertsPausedUntil: 'until-resumed' });
    const paused = { ...DEFAULT_SETTINGS, alertsPausedUntil: 'until-resumed' as const };
    expect(applySettingsPatch(paused, { alertsPausedUntil: null }).alertsPausedUntil).toBeNull();
    const placed = applySettingsPatch(DEFAULT_SETTINGS, { windowBounds: bounds });
    expect(placed.windowBounds).toEqual(bounds);
    expect(applySettingsPatch(placed, { windowBounds: null }).windowBounds).toBeNull();
  });

  it('checks the server with the client’s rules and stores it without a trailing slash', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { server: 'team.evovoice.io' }).server).toBe(
      'https://team.evovoice.io',
    );
    expect(applySettingsPatch(DEFAULT_SETTINGS, { server: 'http://localhost:8080/' }).server).toBe(
      'http://localhost:8080',
    );
  });

  it('ignores fields set to undefined, as a TypeScript Partial does', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { sound: undefined })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('applySettingsPatch: refused changes', () => {
  it('refuses a password, whatever its value, without repeating it', () => {
    const e = refusal({ password: 'hunter2', username: 'ada' });
    expect(e.field).toBe('password');
    expect(e.message).toMatch(/password is never kept in settings/i);
    expect(e.message).not.toContain('hunter2');
    expect(refusal({ password: undefined }).field).toBe('password');
  });

  it('refuses unknown settings and names them', () => {
    const e = refusal({ pollIntervalMS: 3000 });
    expect(e.field).toBe('pollIntervalMS');
    expect(e.message).toBe(
      'Unknown setting "pollIntervalMS". Settings are: server, username, pollIntervalMs, ' +
        'ringingIntervalMs, alerts, holdAlertDelayMs, holdReminderMs, sound, openAtLogin, ' +
        'checkForUpdates, alertsPausedUntil, windowBounds, recentDestinations, ' +
        'ringUntilAnswered, ringSound, ringVolume, incomingWindow, globalShortcut, ' +
        'screenPop, ringDevice, language.',
    );
    expect(refusal({ alerts: { voicemail: true } }).message).toBe(
      'Unknown alert "voicemail". Alerts are: ringing, held, missed, connection.',
    );
  });

  it('names the field by its label, with the range in seconds as the window shows it', () => {
    expect(refusal({ pollIntervalMs: 500 }).message).toBe(
      'Poll interval must be between 1 and 60 seconds (got 0.5).',
    );
    expect(refusal({ holdAlertDelayMs: 3_600_001 }).message).toBe(
      'Hold alert delay must be between 0 and 3600 seconds (got 3600.001).',
    );
    expect(refusal({ holdReminderMs: 5000 }).message).toBe(
      'Hold reminder must be 0 (off) or between 10 and 3600 seconds (got 5).',
    );
    expect(refusal({ pollIntervalMs: 3000.5 }).message).toBe(
      'Poll interval must be a whole number of milliseconds (got 3.0005 seconds).',
    );
    expect(refusal({ pollIntervalMs: '3000' }).message).toBe(
      'Poll interval must be a number of seconds (got text).',
    );
    expect(refusal({ pollIntervalMs: 500 }).field).toBe('pollIntervalMs');
    expect(refusal({ ringingIntervalMs: 499 }).message).toBe(
      'Poll interval while a call rings must be between 0.5 and 10 seconds (got 0.499).',
    );
  });

  it('refuses wrong types: text for numbers, fractions, NaN, numbers for switches', () => {
    for (const patch of [
      { pollIntervalMs: '3000' },
      { pollIntervalMs: 3000.5 },
      { holdAlertDelayMs: Number.NaN },
      { sound: 1 },
      { openAtLogin: 'yes' },
      { alerts: { ringing: 'on' } },
      { alerts: true },
      { username: 42 },
      { alertsPausedUntil: 'tomorrow' },
      { alertsPausedUntil: -5 },
      { windowBounds: { x: 0, y: 0, width: 0, height: 100 } },
      { windowBounds: { x: 0, y: 0, width: 10 } },
      { windowBounds: { x: 0, y: 0, width: 10, height: 10, z: 1 } },
    ]) {
      const field = Object.keys(patch)[0] ?? '';
      expect(refusal(patch).field.startsWith(field), JSON.stringify(patch)).toBe(true);
    }
  });

  it('says what a switch accepts', () => {
    expect(refusal({ alerts: { missed: 'no' } }).message).toBe(
      'Missed call alerts must be on or off (got text).',
    );
  });

  it('refuses a server the client would refuse, with the client’s words', () => {
    expect(refusal({ server: 'http://evovoice.io' }).message).toMatch(/must start with https:\/\//);
    expect(refusal({ server: 'https://ada:secret@evovoice.io' }).message).not.toContain('secret');
    expect(refusal({ server: '' }).field).toBe('server');
  });

  it('refuses anything that is not an object of settings', () => {
    for (const patch of [null, 'sound=false', 42, [], new Date()]) {
      expect(refusal(patch).message).toBe(
        'A settings update must be an object of setting names and values.',
      );
    }
  });

  it('applies nothing when any field is refused', () => {
    const current = structuredClone(DEFAULT_SETTINGS);
    expect(() => applySettingsPatch(current, { sound: false, pollIntervalMs: 1 })).toThrow(
      SettingsError,
    );
    expect(current).toEqual(DEFAULT_SETTINGS);
  });
});

describe('windowSettingsPatch: what the settings window may change', () => {
  it('passes a patch of the settings the window edits', () => {
    const patch = {
      pollIntervalMs: 5000,
      ringingIntervalMs: 500,
      alerts: { held: false },
      holdAlertDelayMs: 0,
      holdReminderMs: 0,
      sound: false,
      openAtLogin: true,
      checkForUpdates: false,
      ringUntilAnswered: false,
      ringSound: 'chime',
      ringVolume: 0.5,
      incomingWindow: 'always',
      globalShortcut: 'F9',
      screenPop: { url: 'https://crm.example.com/?q={from}', when: 'answered' },
      ringDevice: 'default',
      language: 'pt-BR',
    };
    expect(windowSettingsPatch(patch)).toEqual(patch);
    expect([...WINDOW_SETTING_KEYS].sort()).toEqual(Object.keys(patch).sort());
  });

  it.each([
    { server: 'https://evil.example' },
    { username: 'someone-else' },
    { windowBounds: { x: 0, y: 0, width: 420, height: 600 } },
    { alertsPausedUntil: 'until-resumed' },
    { sound: true, server: 'https://evil.example' },
  ])('refuses %j: only main’s own flows change it', (patch) => {
    let refused: unknown;
    try {
      windowSettingsPatch(patch);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(SettingsError);
    expect((refused as SettingsError).message).toMatch(/cannot be changed from the window/);
  });

  it('refuses a password with the keychain explanation, and a patch that is not an object', () => {
    expect(() => windowSettingsPatch({ password: 'x' })).toThrow(/keychain/);
    expect(() => windowSettingsPatch([])).toThrow(/must be an object/);
  });
});

describe('applySettingsPatch: properties', () => {
  it('either throws a SettingsError or returns settings that pass every rule', () => {
    const patch = fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          'pollIntervalMs',
          'ringingIntervalMs',
          'holdReminderMs',
          'sound',
          'alerts',
          'windowBounds',
          'alertsPausedUntil',
          'username',
        ),
        fc.anything(),
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(validSettings, patch, (current, p) => {
        let next: Settings;
        try {
          next = applySettingsPatch(current, p);
        } catch (e) {
          return e instanceof SettingsError;
        }
        // A valid result is a fixed point: re-applying it whole changes nothing.
        return JSON.stringify(applySettingsPatch(DEFAULT_SETTINGS, next)) === JSON.stringify(next);
      }),
    );
  });
});

describe('the ringing settings', () => {
  it('are on by default: ring until answered, the classic sound, the window only as the fallback', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      ringUntilAnswered: true,
      ringSound: 'classic',
      incomingWindow: 'fallback',
      globalShortcut: '',
    });
  });

  it('accept a known sound, a volume from 0 to 1, a window mode, and a trimmed shortcut', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      ringSound: 'double',
      ringVolume: 0,
      incomingWindow: 'never',
      globalShortcut: '  CommandOrControl+Shift+A ',
    });
    expect(next).toMatchObject({
      ringSound: 'double',
      ringVolume: 0,
      incomingWindow: 'never',
      globalShortcut: 'CommandOrControl+Shift+A',
    });
  });

  it.each([
    [{ ringSound: 'siren' }, 'Ring sound must be one of classic, double, chime (got text).'],
    [{ ringVolume: 1.5 }, 'Ring volume must be a number from 0 (silent) to 1 (loudest) (got 1.5).'],
    [
      { incomingWindow: 'sometimes' },
      'Incoming-call window must be one of always, fallback, never (got text).',
    ],
    [
      { globalShortcut: 'A\nB' },
      'Shortcut must be a key combination such as CommandOrControl+Shift+A.',
    ],
    [{ ringUntilAnswered: 'yes' }, 'Ring until answered must be on or off (got text).'],
  ])('refuse %j with a message naming the setting', (patch, message) => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(message);
  });
});

describe('the language setting', () => {
  it('takes a supported language, or empty to follow the system', () => {
    for (const language of ['', 'en', 'es', 'pt-BR', 'fr', 'de']) {
      expect(applySettingsPatch(DEFAULT_SETTINGS, windowSettingsPatch({ language })).language).toBe(
        language,
      );
    }
    expect(DEFAULT_SETTINGS.language).toBe('');
  });

  it.each(['xx', 'pt', 'en-XA', 'ES', 42, null])(
    'refuses %j from the window, naming what it accepts',
    (language) => {
      const e = refusal(windowSettingsPatch({ language }));
      expect(e.field).toBe('language');
      expect(e.message).toContain("Language must be empty (the system's language) or one of");
      expect(e.message).toContain('en, es, pt-BR, fr, de');
    },
  );

  it('reads an unsupported stored language as the default', () => {
    expect(readSettings({ language: 'klingon' }).language).toBe('');
    expect(readSettings({ language: 'fr' }).language).toBe('fr');
  });
});
