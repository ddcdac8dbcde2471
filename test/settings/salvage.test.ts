import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import { readSettings, salvageSettingsText } from '../../main/settings/index.js';

const saved = {
  server: 'https://team.evovoice.io',
  username: 'ada',
  sound: false,
  alerts: { ...DEFAULT_SETTINGS.alerts, held: false },
  pollIntervalMs: 5000,
};
const text = JSON.stringify(saved, null, 2);

describe('salvageSettingsText', () => {
  it('accepts a file with a UTF-8 byte-order mark (Windows Notepad) as it is', () => {
    expect(salvageSettingsText(`\uFEFF${text}`)).toEqual({ stored: saved, damaged: false });
  });

  it('keeps the whole fields of a file cut short', () => {
    const cut = text.slice(0, text.indexOf('"pollIntervalMs"') + 8);
    const { stored, damaged } = salvageSettingsText(cut);
    expect(damaged).toBe(true);
    const settings = readSettings(stored);
    expect(settings.server).toBe('https://team.evovoice.io');
    expect(settings.username).toBe('ada');
    expect(settings.sound).toBe(false);
    expect(settings.alerts.held).toBe(false);
    expect(settings.pollIntervalMs).toBe(DEFAULT_SETTINGS.pollIntervalMs);
  });

  it('keeps server, user name and the read alerts when the cut falls inside `alerts`', () => {
    const cut = text.slice(0, text.indexOf('"held"') + 3);
    const settings = readSettings(salvageSettingsText(cut).stored);
    expect(settings.server).toBe('https://team.evovoice.io');
    expect(settings.username).toBe('ada');
    expect(settings.sound).toBe(false);
  });

  it('keeps the alert kinds read before a cut inside `alerts`', () => {
    const cut = text.slice(0, text.indexOf('"missed"') + 3);
    const settings = readSettings(salvageSettingsText(cut).stored);
    expect(settings.alerts.held).toBe(false);
    expect(settings.username).toBe('ada');
  });

  it('reads a file followed by NULs (a crash before the write was flushed)', () => {
    expect(salvageSettingsText(`${text}\0\0\0\0`).stored).toEqual(saved);
  });

  it.each([
    ['empty', ''],
    ['all NULs', '\0'.repeat(512)],
    ['a JSON array', '["https://team.evovoice.io","ada"]'],
    ['a number', '42'],
  ])('%s: nothing to keep, and the file counts as damaged', (_name, bad) => {
    expect(salvageSettingsText(bad)).toEqual({ stored: {}, damaged: true });
  });
});
