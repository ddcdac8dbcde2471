// Applies an untrusted settings patch (from the window, over IPC): all of it or none of it.
import type { AlertKinds, ScreenPopSettings, Settings } from '../boundary/contract.js';
import { RULES, SCREEN_POP_RULES, SettingsError, alertFlag } from './rules.js';
import { ALERT_KINDS, SCREEN_POP_FIELDS, SETTING_KEYS } from './keys.js';
import { isPlainObject } from '../boundary/records.js';

/** Set only by main's own flows (sign-in, the window's close, the pause menu, a transfer). */
const MAIN_ONLY_KEYS = [
  'server',
  'username',
  'alertsPausedUntil',
  'windowBounds',
  'recentDestinations',
] as const satisfies readonly (keyof Settings)[];
type MainOnlyKey = (typeof MAIN_ONLY_KEYS)[number];

/** What the settings window edits: every setting but those main's own flows set. */
export const WINDOW_SETTING_KEYS: readonly Exclude<(typeof SETTING_KEYS)[number], MainOnlyKey>[] =
  SETTING_KEYS.filter(
    (key): key is Exclude<(typeof SETTING_KEYS)[number], MainOnlyKey> =>
      !(MAIN_ONLY_KEYS as readonly string[]).includes(key),
  );

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
  const next: Settings = {
    ...current,
    alerts: { ...current.alerts },
    screenPop: { ...current.screenPop },
  };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'alerts') {
      next.alerts = patchAlerts(next.alerts, value);
    } else if (key === 'screenPop') {
      next.screenPop = patchScreenPop(next.screenPop, value);
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

function patchScreenPop(current: ScreenPopSettings, value: unknown): ScreenPopSettings {
  if (!isPlainObject(value)) {
    throw new SettingsError(
      'screenPop',
      `screenPop must be an object with any of ${SCREEN_POP_FIELDS.join(', ')}.`,
    );
  }
  const next = { ...current };
  for (const [name, fieldValue] of Object.entries(value)) {
    if (fieldValue === undefined) continue;
    if (!isScreenPopField(name)) {
      throw new SettingsError(
        `screenPop.${name}`,
        `Unknown screen pop field "${truncate(name)}". Fields are: ${SCREEN_POP_FIELDS.join(', ')}.`,
      );
    }
    setScreenPopField(next, name, fieldValue);
  }
  return next;
}

function isScreenPopField(name: string): name is keyof ScreenPopSettings {
  return (SCREEN_POP_FIELDS as readonly string[]).includes(name);
}

function setScreenPopField<K extends keyof ScreenPopSettings>(
  screenPop: ScreenPopSettings,
  name: K,
  value: unknown,
): void {
  screenPop[name] = SCREEN_POP_RULES[name](value, `screenPop.${name}`);
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
