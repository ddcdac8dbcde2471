// The settings file (settings.json in the userData folder). Nothing secret is ever written
// here: only the known settings are, so a `password` key left by an older build is dropped at
// the first write. A file that cannot be read or used never stops the app from starting.
//
// It holds call data (recent transfer destinations), so it is the agent's alone (0600), and it
// is never written through a link: a link planted at its path would otherwise let the app
// overwrite whatever file the link names. It is read once, at start; later reads are the copy
// in memory (a large file re-parsed at every read once held start up for 23 s).
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import type { Settings } from '../boundary/contract.js';
import type { Logger } from '../log.js';
import {
  SETTING_KEYS,
  readSettings,
  salvageSettingsText,
  settingsFileNotice,
  settingsMigrations,
  type MigratingStore,
  type SettingsFileProblem,
} from '../settings/index.js';
import { errorMessage } from '../boundary/errors.js';
import { createTranslator } from '../boundary/i18n/index.js';

export interface SettingsFile {
  read(): Settings;
  write(settings: Settings): void;
  /**
   * When the file could not be used as it was, what the agent is told, in their language
   * (`locale`); null when all is well.
   */
  problem: ((locale: string) => string) | null;
}

/** Settings the app wrote are a few kilobytes: a file past this is not them, and not parsed. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

type Stored = Record<string, unknown>;

export function openSettingsFile(log: Logger): SettingsFile {
  const path = join(app.getPath('userData'), 'settings.json');
  try {
    const { settings, problem } = load(path, app.getVersion(), log);
    let current = settings;
    let writeFailed = false;
    return {
      read: () => current,
      write(next) {
        current = readSettings(next);
        try {
          writeSafely(path, fileText(current, app.getVersion()));
        } catch (e) {
          // Kept in memory for this session; said once, not at every change of the window size.
          if (!writeFailed)
            log.warn(`The settings file ${path} cannot be written: ${errorMessage(e)}`);
          writeFailed = true;
        }
      },
      problem: problem && inWords(problem),
    };
  } catch (e) {
    // A directory, a link, no permission, a full disk: the app runs on the defaults, in memory.
    log.warn(`The settings file ${path} cannot be used: ${errorMessage(e)}`);
    return inMemory({ kind: 'in-memory', path });
  }
}

function inMemory(problem: SettingsFileProblem): SettingsFile {
  let settings = readSettings({});
  return {
    read: () => settings,
    write: (next) => void (settings = next),
    problem: inWords(problem),
  };
}

function inWords(problem: SettingsFileProblem): (locale: string) => string {
  return (locale) => settingsFileNotice(problem, createTranslator(locale));
}

/**
 * Reads, repairs and (when it changed) writes back the file. A byte-order mark is dropped; a
 * file that is not a whole JSON object, or is too large to be settings, is kept as
 * settings.json.bad and replaced by whatever fields could be read. Throws when the file cannot
 * be read or written, or is not a regular file.
 */
function load(
  path: string,
  version: string,
  log: Logger,
): { settings: Settings; problem: SettingsFileProblem | null } {
  const found = readOnce(path);
  const salvaged = found.tooLarge
    ? { stored: {}, damaged: true }
    : salvageSettingsText(found.text ?? '{}');
  const stored = migrate(salvaged.stored, version);
  const settings = readSettings(stored);
  const text = fileText(settings, version);
  let problem: SettingsFileProblem | null = null;
  if (salvaged.damaged) {
    renameSync(path, `${path}.bad`);
    log.warn(`The settings file ${path} was damaged; a copy is in ${path}.bad.`);
    problem = { kind: 'reset', kept: `${path}.bad` };
  } else if (found.text !== null && hasUnusableValues(stored, settings)) {
    // Edited by hand: the app starts on the defaults for those values, and the edit is kept.
    writeSafely(`${path}.bad`, found.text);
    log.warn(
      `The settings file ${path} had values that cannot be used. ` +
        `A copy is in ${path}.bad; the unusable values were reset to their defaults.`,
    );
  }
  if (text !== found.text) writeSafely(path, text);
  return { settings, problem };
}

interface Found {
  /** null: there is no file yet. */
  text: string | null;
  tooLarge: boolean;
}

/** The file's text, opened without following a link; its mode tightened to 0600 on the way. */
function readOnce(path: string): Found {
  // O_NOFOLLOW is the guard on Linux and macOS; lstat first also covers Windows, which has none.
  try {
    if (lstatSync(path).isSymbolicLink()) throw new Error('it is a link, not a file');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, tooLarge: false };
    throw e;
  }
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('it is not a regular file');
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    if (stat.size > MAX_SETTINGS_BYTES) return { text: null, tooLarge: true };
    return { text: readFileSync(fd, 'utf8'), tooLarge: false };
  } finally {
    closeSync(fd);
  }
}

/**
 * A new file beside the path (0600, created fresh so no link is followed), flushed to disk,
 * then renamed over the path: rename replaces a link itself, never the file it names, and a
 * crash leaves the old file or the new one, never half of one.
 */
function writeSafely(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * The file as electron-store (used by earlier builds) wrote it, so an older build still reads
 * it: tab-indented, with the version whose migrations have run.
 */
function fileText(settings: Settings, version: string): string {
  return JSON.stringify(
    { ...settings, __internal__: { migrations: { version } } },
    undefined,
    '\t',
  );
}

/**
 * Runs each migration (main/settings/migrations.ts) above the version recorded in the file and
 * not above the app's, in order, as electron-store did.
 */
function migrate(stored: Stored, version: string): Stored {
  const internal = stored['__internal__'] as { migrations?: { version?: unknown } } | undefined;
  const from =
    typeof internal?.migrations?.version === 'string' ? internal.migrations.version : '0.0.0';
  const values = new Map(Object.entries(stored));
  const store: MigratingStore = {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    has: (key) => values.has(key),
    delete: (key) => void values.delete(key),
  };
  const due = Object.keys(settingsMigrations)
    .filter((v) => compareVersions(v, from) > 0 && compareVersions(v, version) <= 0)
    .sort(compareVersions);
  for (const v of due) settingsMigrations[v]?.(store);
  return Object.fromEntries(values);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A stored value the rules refused (it was replaced by its default). */
function hasUnusableValues(stored: Stored, settings: Settings): boolean {
  return SETTING_KEYS.some(
    (key) =>
      Object.hasOwn(stored, key) && JSON.stringify(stored[key]) !== JSON.stringify(settings[key]),
  );
}
