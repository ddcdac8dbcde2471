// The settings file (electron-store, in the userData folder). Nothing secret is ever written
// here: the schema has no password field and the migration removes one if an old file has it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { Settings } from '../contract.js';
import type { Logger } from '../log.js';
import { readSettings, settingsMigrations, settingsSchema } from '../settings/index.js';

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
 * A file that is not JSON or breaks the schema (edited by hand) is kept beside as
 * settings.json.bad, then read field by field: the app starts, and the agent's edit is not lost.
 */
function openValidated(log: Logger): Store<Stored> {
  try {
    return open();
  } catch (e) {
    const path = join(app.getPath('userData'), 'settings.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(`${path}.bad`, text);
    log.warn(
      `The settings file ${path} could not be used (${(e as Error).message}). ` +
        `A copy is in ${path}.bad; the unusable values were reset to their defaults.`,
    );
    let stored: unknown = {};
    try {
      stored = JSON.parse(text);
    } catch {
      // not JSON at all: every setting starts from its default
    }
    writeFileSync(path, JSON.stringify(readSettings(stored)));
    return open();
  }
}
