import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import { applySettingsPatch, readSettings } from '../../main/settings/index.js';
import { validSettings } from './arbitraries.js';

describe('readSettings', () => {
  it('gives the defaults for nothing, or for something that is not settings at all', () => {
    for (const raw of [undefined, null, 'settings', 42, [], [DEFAULT_SETTINGS]]) {
      expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every valid stored field', () => {
    fc.assert(
      fc.property(validSettings, (stored) => {
        expect(readSettings(stored)).toEqual(stored);
      }),
    );
  });

  it('replaces each bad or missing field with its default and keeps the good ones', () => {
    const settings = readSettings({
      server: 'ftp://evovoice.io',
      username: 'ada',
      pollIntervalMs: 10,
      alerts: { ringing: false, held: 'yes' },
      holdReminderMs: 30_000,
      sound: 'loud',
      windowBounds: { x: 1, y: 2, width: -3, height: 4 },
      alertsPausedUntil: 'until-resumed',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      username: 'ada',
      alerts: { ...DEFAULT_SETTINGS.alerts, ringing: false },
      holdReminderMs: 30_000,
      alertsPausedUntil: 'until-resumed',
    });
  });

  it('ignores keys it does not know, including a stored password', () => {
    const settings = readSettings({ password: 'hunter2', theme: 'dark', sound: false });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sound: false });
    expect(JSON.stringify(settings)).not.toContain('hunter2');
  });

  it('does not take fields from a prototype', () => {
    const sneaky = Object.create({ sound: false }) as Record<string, unknown>;
    expect(readSettings(sneaky).sound).toBe(true);
    expect(readSettings(JSON.parse('{"__proto__": {"sound": false}}')).sound).toBe(true);
  });

  it('never throws, and always returns settings that pass every rule', () => {
    const stored = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), 'password', '__proto__'),
        fc.anything(),
      ),
    );
    fc.assert(
      fc.property(stored, (raw) => {
        const settings = readSettings(raw);
        expect(applySettingsPatch(DEFAULT_SETTINGS, settings)).toEqual(settings);
      }),
    );
  });
});
