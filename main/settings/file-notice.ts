// What the agent is told when the settings file could not be used as it was. The file's side
// (electron/settings-store.ts) says what happened; these are the words, in the agent's language.
import type { Translate } from '../boundary/i18n/index.js';

/**
 * 'reset': some values were unreadable, reset to their defaults, the old file kept at `kept`.
 * 'in-memory': the file cannot be used at all (`path`): the defaults run, nothing is kept.
 */
export type SettingsFileProblem =
  { kind: 'reset'; kept: string } | { kind: 'in-memory'; path: string };

export function settingsFileNotice(problem: SettingsFileProblem, t: Translate): string {
  return problem.kind === 'reset'
    ? t('settingsFile.reset', { path: problem.kept })
    : t('settingsFile.inMemory', { path: problem.path });
}
