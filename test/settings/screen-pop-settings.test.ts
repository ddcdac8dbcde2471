// The settings of issue 19: the screen pop (an address template and when it opens) and the
// ring's output device. Both are edited in the window, so a patch is checked field by field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { Settings } from '../../main/boundary/contract.js';
import {
  applySettingsPatch,
  readSettings,
  settingsMigrations,
  settingsSchema,
  windowSettingsPatch,
} from '../../main/settings/index.js';

describe('screenPop and ringDevice defaults', () => {
  it('are off: no address, opened by hand only, the system default device', () => {
    expect(DEFAULT_SETTINGS.screenPop).toEqual({ url: '', when: 'manual' });
    expect(DEFAULT_SETTINGS.ringDevice).toBe('');
  });

  it('fill in a stored file written before they existed', () => {
    const old: Record<string, unknown> = { ...DEFAULT_SETTINGS, sound: false };
    delete old.screenPop;
    delete old.ringDevice;
    const settings = readSettings(old);
    expect(settings.screenPop).toEqual({ url: '', when: 'manual' });
    expect(settings.ringDevice).toBe('');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sound: false });
  });

  it('keep the good field of a damaged stored screenPop', () => {
    const settings = readSettings({ screenPop: { url: 'https://crm.example.com', when: 'often' } });
    expect(settings.screenPop).toEqual({ url: 'https://crm.example.com', when: 'manual' });
    expect(readSettings({ screenPop: 'https://crm.example.com' }).screenPop).toEqual(
      DEFAULT_SETTINGS.screenPop,
    );
  });
});

describe('a screenPop patch from the window', () => {
  it('is accepted by the window filter and merged field by field', () => {
    const patch = windowSettingsPatch({ screenPop: { when: 'ringing' }, ringDevice: 'abc' });
    const next = applySettingsPatch(
      { ...DEFAULT_SETTINGS, screenPop: { url: 'https://crm.example.com/{from}', when: 'manual' } },
      patch,
    );
    expect(next.screenPop).toEqual({ url: 'https://crm.example.com/{from}', when: 'ringing' });
    expect(next.ringDevice).toBe('abc');
  });

  it('keeps a template with an unknown placeholder: the window reports it, nothing refuses it', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      screenPop: { url: ' https://crm.example.com/{caller} ' },
    });
    expect(next.screenPop.url).toBe('https://crm.example.com/{caller}');
  });

  it.each([
    [
      { screenPop: { when: 'sometimes' } },
      'Open the screen pop must be one of ringing, answered, manual',
    ],
    [{ screenPop: { url: 42 } }, 'Screen pop address must be a web address (text) (got 42).'],
    [
      { screenPop: { url: `https://crm.example.com/${'a'.repeat(2048)}` } },
      'Screen pop address must be at most 2048 characters.',
    ],
    [{ screenPop: { target: '_blank' } }, 'Unknown screen pop field "target"'],
    [{ screenPop: 'https://crm.example.com' }, 'screenPop must be an object'],
    [{ ringDevice: 'x'.repeat(257) }, 'Ring device must be a device id'],
    [{ ringDevice: null }, 'Ring device must be a device id'],
  ])('refuses %j, naming the field', (patch, message) => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, patch)).toThrow(message);
  });

  it('accepts an address of exactly 2 KB and a device id of 256 characters', () => {
    const url = `https://c.example/${'a'.repeat(2048 - 18)}`;
    expect(url).toHaveLength(2048);
    const next = applySettingsPatch(DEFAULT_SETTINGS, {
      screenPop: { url },
      ringDevice: 'd'.repeat(256),
    });
    expect(next.screenPop.url).toBe(url);
    expect(next.ringDevice).toHaveLength(256);
  });
});

describe('the settings file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evo-settings-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('0.3.0 writes screenPop and ringDevice into a file of 0.2.0, keeping its values', () => {
    const old: Record<string, unknown> = { ...DEFAULT_SETTINGS, ringVolume: 0.3 };
    delete old.screenPop;
    delete old.ringDevice;
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({ ...old, __internal__: { migrations: { version: '0.2.0' } } }),
    );
    const store = new Conf<Settings>({
      cwd: dir,
      projectVersion: '0.3.0',
      schema: settingsSchema,
      migrations: settingsMigrations,
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      screenPop: { url: '', when: 'manual' },
      ringDevice: '',
      ringVolume: 0.3,
    });
    expect(() => store.set('screenPop', { url: '', when: 'often' } as never)).toThrow(/screenPop/);
  });
});
