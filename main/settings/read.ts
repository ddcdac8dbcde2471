// Stored settings come from a file the agent (or an older version) may have edited: take what
// is valid, field by field, and fill the rest from the defaults. Never throws.
import { DEFAULT_SETTINGS } from '../boundary/contract.js';
import type { AlertKinds, ScreenPopSettings, Settings } from '../boundary/contract.js';
import { RULES, SCREEN_POP_RULES, alertFlag } from './rules.js';
import { ALERT_KINDS, SCREEN_POP_FIELDS } from './keys.js';
import { isPlainObject } from '../boundary/records.js';

export function readSettings(raw: unknown): Settings {
  const stored = isPlainObject(raw) ? raw : {};
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    alerts: readAlerts(field(stored, 'alerts')),
    screenPop: readScreenPop(field(stored, 'screenPop')),
  };
  for (const key of Object.keys(RULES) as (keyof typeof RULES)[]) {
    readInto(settings, key, field(stored, key));
  }
  return settings;
}

function readAlerts(raw: unknown): AlertKinds {
  const alerts = { ...DEFAULT_SETTINGS.alerts };
  if (!isPlainObject(raw)) return alerts;
  for (const kind of ALERT_KINDS) {
    try {
      alerts[kind] = alertFlag(field(raw, kind), kind);
    } catch {
      // keep the default
    }
  }
  return alerts;
}

function readScreenPop(raw: unknown): ScreenPopSettings {
  const screenPop = { ...DEFAULT_SETTINGS.screenPop };
  if (!isPlainObject(raw)) return screenPop;
  for (const name of SCREEN_POP_FIELDS) readScreenPopField(screenPop, name, field(raw, name));
  return screenPop;
}

function readScreenPopField<K extends keyof ScreenPopSettings>(
  screenPop: ScreenPopSettings,
  name: K,
  value: unknown,
): void {
  try {
    screenPop[name] = SCREEN_POP_RULES[name](value, `screenPop.${name}`);
  } catch {
    // keep the default
  }
}

function readInto<K extends keyof typeof RULES>(settings: Settings, key: K, value: unknown): void {
  try {
    settings[key] = RULES[key](value, key);
  } catch {
    // keep the default
  }
}

/** Own properties only: a stored `__proto__` or an inherited getter must not count. */
function field(record: Record<string, unknown>, key: string): unknown {
  try {
    return Object.hasOwn(record, key) ? record[key] : undefined;
  } catch {
    return undefined;
  }
}
