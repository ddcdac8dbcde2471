// What a saved settings change means to the running app: which parts must be told. Pure, so the
// composition root only wires each answer to its part.
import type { Settings } from '../boundary/contract.js';
import { timingOf } from './timing.js';

export interface SettingsChanges {
  /** The watcher's timing (poll intervals, hold alert delay and reminder). */
  timing: boolean;
  /** The global shortcut to (re-)register with the OS. */
  shortcut: boolean;
  /** Whether the OS starts the app at login. */
  openAtLogin: boolean;
}

/** Field by field: a patch that sets a value to what it was already changes nothing. */
export function settingsChanges(before: Settings, after: Settings): SettingsChanges {
  const was = timingOf(before);
  const is = timingOf(after);
  return {
    timing: (Object.keys(was) as (keyof typeof was)[]).some((key) => was[key] !== is[key]),
    shortcut: before.globalShortcut !== after.globalShortcut,
    openAtLogin: before.openAtLogin !== after.openAtLogin,
  };
}
