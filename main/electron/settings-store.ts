// The settings file (electron-store, in the userData folder). Nothing secret is ever written
// here: the schema has no password field and the migration removes one if an old file has it.
import { copyFileSync } from 'node:fs';
import Store from 'electron-store';
import type { Settings } from '../contract.js';
import type { Logger } from '../log.js';
import {
  readSettings,
  repairStoredSettings,
  settingsMigrations,
  settingsSchema,
} from '../settings/index.js';

export interface SettingsFile {
  read(): Settings;
  write(settings: Settings): void;
}

type Stored = Record<string, unknown>;

export function openSettingsFile(log: Logger): SettingsFile {
  const store = openValidated(log);
  return {
    read: () => readSettings(store.store),
    write: (settings) => store.set({ ...settings }),
  };
}

function open(): Store<Stored> {
  return new Store<Stored>({
    name: 'settings',
    schema: settingsSchema,
    migrations: settingsMigrations,
  });
}

/**
 * A file that breaks the schema (edited by hand) is kept beside as settings.json.bad, then
 * repaired field by field: the app starts, and the agent's edit is not thrown away.
 */
function openValidated(log: Logger): Store<Stored> {
  try {
    return open();
  } catch (e) {
    const raw = new Store<Stored>({ name: 'settings', clearInvalidConfig: false });
    copyFileSync(raw.path, `${raw.path}.bad`);
    log.warn(
      `The settings file ${raw.path} had values the app cannot use (${(e as Error).message}). ` +
        `A copy is in ${raw.path}.bad; the unusable values were reset to their defaults.`,
    );
    try {
      repairStoredSettings(raw);
    } catch {
      raw.clear(); // not even JSON: start from the defaults (the copy keeps what was there)
    }
    return open();
  }
}
