// The settings file (electron-store, in the userData folder). Nothing secret is ever written
// here: the schema has no password field, and a `password` key is removed at every read and
// write. A file that cannot be read or used never stops the app from starting.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import type { Settings } from '../boundary/contract.js';
import type { Logger } from '../log.js';
import {
  readSettings,
  salvageSettingsText,
  settingsMigrations,
  settingsSchema,
} from '../settings/index.js';

export interface SettingsFile {
  read(): Settings;
  write(settings: Settings): void;
  /** For the agent, when the file could not be read or used as it was; null when all is well. */
  problem: string | null;
}

type Stored = Record<string, unknown>;

export function openSettingsFile(log: Logger): SettingsFile {
  const path = join(app.getPath('userData'), 'settings.json');
  try {
    const problem = repairText(path, log);
    const store = openValidated(path, log);
    return {
      read() {
        if (store.has('password')) store.delete('password');
        return readSettings(store.store);
      },
      write(settings) {
        store.set({ ...settings });
        if (store.has('password')) store.delete('password');
      },
      problem,
    };
  } catch (e) {
    // A directory, no permission, a full disk: the app runs on the defaults, kept in memory.
    log.warn(`The settings file ${path} cannot be used: ${(e as Error).message}`);
    return inMemory(
      `Your settings could not be read from ${path}, so the defaults are in use and changes ` +
        'will not be kept after the app closes.',
    );
  }
}

function inMemory(problem: string): SettingsFile {
  let settings = readSettings({});
  return {
    read: () => settings,
    write: (next) => void (settings = next),
    problem,
  };
}

/**
 * Before electron-store sees the file: a byte-order mark is dropped; a file that is not a whole
 * JSON object is kept as settings.json.bad and replaced by whatever fields could be read.
 * Throws when the file exists but cannot be read or written.
 */
function repairText(path: string, log: Logger): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const { stored, damaged } = salvageSettingsText(text);
  if (!damaged) {
    if (text.startsWith('\uFEFF')) writeFileSync(path, text.slice(1));
    return null;
  }
  writeFileSync(`${path}.bad`, text);
  writeFileSync(path, JSON.stringify(readSettings(stored)));
  log.warn(`The settings file ${path} was damaged; a copy is in ${path}.bad.`);
  return `Some settings could not be read and were reset to their defaults; the old file is kept as ${path}.bad.`;
}

function open(): Store<Stored> {
  return new Store<Stored>({
    name: 'settings',
    schema: settingsSchema,
    migrations: settingsMigrations,
  });
}

/**
 * A file that breaks the schema (edited by hand) is kept beside as settings.json.bad, then read
 * field by field: the app starts, and the agent's edit is not lost.
 */
function openValidated(path: string, log: Logger): Store<Stored> {
  try {
    return open();
  } catch (e) {
    const text = readFileSync(path, 'utf8');
    writeFileSync(`${path}.bad`, text);
    log.warn(
      `The settings file ${path} could not be used (${(e as Error).message}). ` +
        `A copy is in ${path}.bad; the unusable values were reset to their defaults.`,
    );
    writeFileSync(path, JSON.stringify(readSettings(salvageSettingsText(text).stored)));
    return open();
  }
}
