// The electron-store `migrations` option. electron-store runs each migration whose version is
// above the one recorded in the file and not above the app's version (package.json), in order.
//
// To add one: bump "version" in package.json, then add an entry keyed by that version that
// changes the stored values (rename, convert, drop). Read with `store.get`, write with
// `store.set`; never throw (a failed migration would stop the app from starting). Finish with
// `repairStoredSettings(store)` so the file matches the schema whatever it held before, and add
// a test in test/settings/migrations.test.ts that starts from the old shape.
import { readSettings } from './read.js';
import { SETTING_KEYS } from './keys.js';

/** The part of electron-store (conf) a migration uses. */
export interface MigratingStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  has(key: string): boolean;
  delete(key: string): void;
}

/** Keys older builds or hand edits may have left that must not stay in the file. */
const NEVER_STORED = ['password'];

export const settingsMigrations: Record<string, (store: MigratingStore) => void> = {
  // The first version: whatever is there (nothing, a partial file, a hand-edited one) becomes
  // a whole, valid Settings, with the defaults for whatever was missing or wrong.
  '0.1.0': (store) => repairStoredSettings(store),
  // ringingIntervalMs (faster polling while a call rings) is written with its default.
  '0.2.0': (store) => repairStoredSettings(store),
  // screenPop (off: no address), ringDevice (the system default) and language ('' follows the
  // system) are written with their defaults. Runs once package.json says 0.3.0; until then
  // readSettings fills them in.
  '0.3.0': (store) => repairStoredSettings(store),
};

export function repairStoredSettings(store: MigratingStore): void {
  for (const key of NEVER_STORED) {
    if (store.has(key)) store.delete(key);
  }
  const stored: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (store.has(key)) stored[key] = store.get(key);
  }
  const settings = readSettings(stored);
  for (const key of SETTING_KEYS) {
    store.set(key, settings[key]);
  }
}
