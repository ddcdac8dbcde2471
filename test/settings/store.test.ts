// The schema and migrations as electron-store uses them: electron-store is `conf` plus Electron
// paths, so a real `conf` store in a temporary folder runs the same validation and migrations.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { Options } from 'electron-store';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { Settings } from '../../main/boundary/contract.js';
import {
  applySettingsPatch,
  readSettings,
  settingsMigrations,
  settingsSchema,
} from '../../main/settings/index.js';
import { validSettings } from './arbitraries.js';

// What the adapter passes to electron-store must type-check as its options.
const storeOptions = {
  schema: settingsSchema,
  migrations: settingsMigrations,
} satisfies Options<Settings>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evo-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const configFile = () => join(dir, 'config.json');

function openStore(version = '0.1.0'): Conf<Settings> {
  return new Conf<Settings>({ cwd: dir, projectVersion: version, ...storeOptions });
}

function settingsOf(store: Conf<Settings>): Record<string, unknown> {
  // conf keeps its own bookkeeping (the migrated version) beside the settings.
  const copy: Record<string, unknown> = { ...store.store };
  delete copy.__internal__;
  return copy;
}

describe('settingsMigrations', () => {
  it('0.1.0 writes the defaults into a new settings file', () => {
    expect(settingsOf(openStore())).toEqual(DEFAULT_SETTINGS);
  });

  it('0.1.0 repairs a hand-edited file: keeps the good values, drops a password', () => {
    writeFileSync(
      configFile(),
      JSON.stringify({
        username: 'ada',
        pollIntervalMs: 0,
        alerts: { held: false },
        password: 'hunter2',
      }),
    );
    const store = openStore();
    expect(settingsOf(store)).toEqual({
      ...DEFAULT_SETTINGS,
      username: 'ada',
      alerts: { ...DEFAULT_SETTINGS.alerts, held: false },
    });
    expect(readFileSync(configFile(), 'utf8')).not.toContain('hunter2');
  });

  it('0.2.0 adds ringingIntervalMs to a file of 0.1.0, keeping its values', () => {
    const old: Record<string, unknown> = { ...DEFAULT_SETTINGS, pollIntervalMs: 5000 };
    delete old.ringingIntervalMs;
    writeFileSync(
      configFile(),
      JSON.stringify({ ...old, __internal__: { migrations: { version: '0.1.0' } } }),
    );
    const store = openStore('0.2.0');
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toMatchObject({
      ringingIntervalMs: 1000,
    });
    expect(settingsOf(store)).toEqual({ ...DEFAULT_SETTINGS, pollIntervalMs: 5000 });
  });

  it('keeps a setting the agent changed across a restart', () => {
    openStore().set('sound', false);
    expect(openStore().get('sound')).toBe(false);
  });
});

describe('settingsSchema', () => {
  it('refuses an out-of-range value written to the store', () => {
    const store = openStore();
    expect(() => store.set('pollIntervalMs', 10)).toThrow(/pollIntervalMs/);
    expect(() => store.set('ringingIntervalMs', 100)).toThrow(/ringingIntervalMs/);
    expect(() => store.set('holdReminderMs', 5000)).toThrow(/holdReminderMs/);
    expect(() => store.set('windowBounds', { x: 0, y: 0, width: 0, height: 1 })).toThrow();
  });

  it('accepts every valid Settings, and everything readSettings and patches produce', () => {
    const store = openStore();
    fc.assert(
      fc.property(validSettings, fc.anything(), (settings, raw) => {
        store.set(settings);
        store.set(readSettings(raw));
        store.set(applySettingsPatch(settings, { holdReminderMs: 0, windowBounds: null }));
      }),
      { numRuns: 50 },
    );
  });
});
