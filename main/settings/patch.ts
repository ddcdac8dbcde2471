// Applies an untrusted settings patch (from the window, over IPC): all of it or none of it.
import type { AlertKinds, Settings } from '../boundary/contract.js';
import {
  ALERT_KINDS,
  RULES,
  SETTING_KEYS,
  SettingsError,
  alertFlag,
  isPlainObject,
} from './rules.js';

/** What the settings window edits. Server, user name, window bounds and the pause come only
 * from main's own flows (sign-in, the window's close, the pause menu), never from a patch. */
export const WINDOW_SETTING_KEYS = [
  'pollIntervalMs',
  'ringingIntervalMs',
  'alerts',
  'holdAlertDelayMs',
  'holdReminderMs',
  'sound',
  'openAtLogin',
  'checkForUpdates',
  'ringUntilAnswered',
  'ringSound',
  'ringVolume',
  'incomingWindow',
  'globalShortcut',
  'language',
] as const satisfies readonly (keyof Settings)[];

/**
 * A patch from the window (untrusted), refused whole if it names anything but
 * WINDOW_SETTING_KEYS. The values are checked when applied, by applySettingsPatch.
 */
export function windowSettingsPatch(patch: unknown): Record<string, unknown> {
  if (!isPlainObject(patch)) {
    throw new SettingsError('', 'A settings update must be an object of setting names and values.');
  }
  if (Object.hasOwn(patch, 'password')) throw passwordRefused();
  for (const key of Object.keys(patch)) {
    if (!(WINDOW_SETTING_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(
        key,
        `The setting "${truncate(key)}" cannot be changed from the window. ` +
          `It can change: ${WINDOW_SETTING_KEYS.join(', ')}.`,
      );
    }
  }
  return patch;
}

/**
 * Returns the new settings, or throws a SettingsError naming the first refused field. Unknown
 * keys are refused (a typo must not be silently dropped); `undefined` values are ignored, as in
 * a TypeScript Partial. A `password` is always refused: it belongs in the keychain only.
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  if (!isPlainObject(patch)) {
    throw new SettingsError('', 'A settings update must be an object of setting names and values.');
  }
  if (Object.hasOwn(patch, 'password')) throw passwordRefused();
  const next: Settings = { ...current, alerts: { ...current.alerts } };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'alerts') {
      next.alerts = patchAlerts(next.alerts, value);
    } else if (isRuledKey(key)) {
      setField(next, key, value);
    } else {
      throw new SettingsError(
        key,
        `Unknown setting "${truncate(key)}". Settings are: ${SETTING_KEYS.join(', ')}.`,
      );
    }
  }
  return next;
}

function passwordRefused(): SettingsError {
  return new SettingsError(
    'password',
    'A password is never kept in settings; sign in instead and it goes to the keychain.',
  );
}

function patchAlerts(current: AlertKinds, value: unknown): AlertKinds {
  if (!isPlainObject(value)) {
    throw new SettingsError(
      'alerts',
      `alerts must be an object with any of ${ALERT_KINDS.join(', ')} set to true or false.`,
    );
  }
  const next = { ...current };
  for (const [kind, on] of Object.entries(value)) {
    if (on === undefined) continue;
    if (!isAlertKind(kind)) {
      throw new SettingsError(
        `alerts.${kind}`,
        `Unknown alert "${truncate(kind)}". Alerts are: ${ALERT_KINDS.join(', ')}.`,
      );
    }
    next[kind] = alertFlag(on, kind);
  }
  return next;
}

type RuledKey = keyof typeof RULES;

function isRuledKey(key: string): key is RuledKey {
  return Object.hasOwn(RULES, key);
}

function isAlertKind(kind: string): kind is keyof AlertKinds {
  return (ALERT_KINDS as readonly string[]).includes(kind);
}

function setField<K extends RuledKey>(settings: Settings, key: K, value: unknown): void {
  settings[key] = RULES[key](value, key);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
