// One rule per setting: what a valid value is, and what to tell the agent when it is not.
// The patch validator, the stored-settings reader and the JSON schema all follow these bounds.
import { INCOMING_WINDOW_MODES, RING_SOUNDS, SCREEN_POP_WHEN } from '../boundary/contract.js';
import type {
  AlertsPausedUntil,
  ScreenPopSettings,
  Settings,
  WindowBounds,
} from '../boundary/contract.js';
import { SUPPORTED_LOCALES } from '../boundary/i18n/locales.js';
import { BOUNDS, LANGUAGE_CHOICES, SETTING_LABELS } from './keys.js';
import { checkDestination, RECENT_DESTINATIONS } from '../boundary/transfer-destination.js';
import { parseServerUrl, ServerUrlError, type ServerUrlProblem } from '../evo/server-url.js';
import { isPlainObject } from '../boundary/records.js';
import { createTranslator, type MessageId, type Translate } from '../boundary/i18n/index.js';

const labelOf = (field: string): string => SETTING_LABELS[field] ?? field;

/**
 * A setting was refused. The message names the setting and what it accepts, in English; the
 * refusals an agent can reach from the window also carry their `words`, to be said in the
 * agent's language (settingsRefusal).
 */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly field: string,
    message: string,
    readonly words?: RefusalWords,
  ) {
    super(message);
  }
}

export interface RefusalWords {
  id: MessageId;
  values: Readonly<Record<string, string | number>>;
}

/** The label of a setting in the agent's words, where the window names it. */
const LABEL_IDS: Readonly<Record<string, MessageId>> = {
  server: 'settingLabel.server',
  username: 'settingLabel.username',
  pollIntervalMs: 'settingLabel.pollIntervalMs',
  ringingIntervalMs: 'settingLabel.ringingIntervalMs',
  holdAlertDelayMs: 'settingLabel.holdAlertDelayMs',
  holdReminderMs: 'settingLabel.holdReminderMs',
  globalShortcut: 'settingLabel.globalShortcut',
  'screenPop.url': 'settingLabel.screenPopUrl',
};

/** The refusal in `t`'s language; one without words keeps its (English) message. */
export function settingsRefusal(error: SettingsError, t: Translate): string {
  if (error.words === undefined) return error.message;
  const labelId = LABEL_IDS[error.field];
  const label = labelId === undefined ? labelOf(error.field) : t(labelId);
  return t(error.words.id, { ...error.words.values, label });
}

/** The client's refusal of a server address, in the catalog's words (same English). */
function serverUrlWords(problem: ServerUrlProblem): RefusalWords {
  switch (problem.reason) {
    case 'empty':
      return { id: 'settings.refuse.serverEmpty', values: {} };
    case 'not-an-address':
      return { id: 'settings.refuse.serverNotAnAddress', values: {} };
    case 'credentials':
      return { id: 'settings.refuse.serverCredentials', values: {} };
    case 'not-encrypted':
      return { id: 'settings.refuse.serverNotEncrypted', values: { host: problem.host } };
    case 'scheme':
      return { id: 'settings.refuse.serverScheme', values: { scheme: problem.scheme } };
  }
}

function refusal(field: string, words: RefusalWords): SettingsError {
  return new SettingsError(
    field,
    settingsRefusal(new SettingsError(field, '', words), english),
    words,
  );
}

const english = createTranslator('en');

type Rule<K extends keyof Settings> = (value: unknown, field: string) => Settings[K];

/** The settings made of fields, each field with its own rule (alerts, screenPop). */
export type GroupKey = 'alerts' | 'screenPop';

export const RULES: { [K in Exclude<keyof Settings, GroupKey>]: Rule<K> } = {
  server(value, field) {
    if (typeof value !== 'string') throw refuse(field, 'must be a web address (text)', value);
    try {
      // Stored without the trailing slash the client adds back, as typed in the presets.
      return parseServerUrl(value).href.replace(/\/$/, '');
    } catch (e) {
      // The client's messages are written for the agent and never repeat the input.
      if (e instanceof ServerUrlError) throw refusal(field, serverUrlWords(e.problem));
      throw new SettingsError(field, (e as Error).message);
    }
  },
  username(value, field) {
    if (typeof value !== 'string') throw refuse(field, 'must be text', value);
    const name = value.trim();
    if (name.length > BOUNDS.usernameMaxLength) {
      throw refusal(field, {
        id: 'settings.refuse.maxLength',
        values: { max: BOUNDS.usernameMaxLength },
      });
    }
    return name;
  },
  pollIntervalMs: (value, field) => millisecondsIn(value, field, BOUNDS.pollIntervalMs),
  ringingIntervalMs: (value, field) => millisecondsIn(value, field, BOUNDS.ringingIntervalMs),
  holdAlertDelayMs: (value, field) => millisecondsIn(value, field, BOUNDS.holdAlertDelayMs),
  holdReminderMs(value, field) {
    if (value === 0) return 0;
    return millisecondsIn(value, field, BOUNDS.holdReminderMs, 'settings.refuse.offOrBetween');
  },
  sound: (value, field) => flag(value, field),
  openAtLogin: (value, field) => flag(value, field),
  checkForUpdates: (value, field) => flag(value, field),
  alertsPausedUntil(value, field): AlertsPausedUntil | null {
    if (value === null || value === 'until-resumed') return value;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    throw refuse(field, 'must be a time (epoch milliseconds), "until-resumed" or null', value);
  },
  windowBounds(value, field): WindowBounds | null {
    if (value === null) return null;
    const what =
      'must be null or { x, y, width, height } in whole pixels, width and height above 0';
    if (!isPlainObject(value)) throw refuse(field, what, value);
    const keys = Object.keys(value);
    const { x, y, width, height } = value;
    const ok =
      keys.length === 4 &&
      [x, y, width, height].every(Number.isSafeInteger) &&
      (width as number) > 0 &&
      (height as number) > 0;
    if (!ok) throw refuse(field, what, value);
    return { x: x as number, y: y as number, width: width as number, height: height as number };
  },
  recentDestinations(value, field): string[] {
    const what = `must be a list of at most ${RECENT_DESTINATIONS} numbers, extensions or SIP addresses`;
    if (!Array.isArray(value) || value.length > RECENT_DESTINATIONS) {
      throw refuse(field, what, value);
    }
    return value.map((item: unknown) => {
      const checked = typeof item === 'string' ? checkDestination(item) : undefined;
      if (!checked?.ok || checked.value !== item) throw refuse(field, what, value);
      return checked.value;
    });
  },
  ringUntilAnswered: (value, field) => flag(value, field),
  ringSound: (value, field) => oneOf(value, field, RING_SOUNDS),
  ringVolume(value, field) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) {
      return value;
    }
    throw refuse(field, 'must be a number from 0 (silent) to 1 (loudest)', value);
  },
  incomingWindow: (value, field) => oneOf(value, field, INCOMING_WINDOW_MODES),
  globalShortcut(value, field) {
    // Whether the OS takes it is learned by registering it (main, electron/shortcut.ts).
    if (typeof value !== 'string') throw refuse(field, 'must be a key combination (text)', value);
    const keys = value.trim();
    if (keys.length > BOUNDS.shortcutMaxLength || [...keys].some((c) => c < ' ')) {
      throw refusal(field, {
        id: 'settings.refuse.shortcut',
        values: { example: 'CommandOrControl+Shift+A' },
      });
    }
    return keys;
  },
  ringDevice(value, field) {
    // Whether the device exists is learned by playing on it (the ring page falls back).
    if (typeof value !== 'string' || value.length > BOUNDS.ringDeviceMaxLength) {
      throw refuse(field, 'must be a device id (text, at most 256 characters)', value);
    }
    return value;
  },
  // An unsupported code is refused rather than kept: the window would read English anyway.
  language(value, field) {
    if (typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value)) {
      return value;
    }
    const codes = SUPPORTED_LOCALES.join(', ');
    throw refuse(field, `must be empty (the system's language) or one of ${codes}`, value);
  },
};

/**
 * The screen pop's fields. A template with an unknown placeholder is kept: the window says
 * what is wrong with it (screen-pop/template.ts) so the agent can fix it, and it never opens.
 */
export const SCREEN_POP_RULES: {
  [K in keyof ScreenPopSettings]: (value: unknown, field: string) => ScreenPopSettings[K];
} = {
  url(value, field) {
    if (typeof value !== 'string') throw refuse(field, 'must be a web address (text)', value);
    const url = value.trim();
    if (url.length > BOUNDS.screenPopUrlMaxLength) {
      throw refusal(field, {
        id: 'settings.refuse.maxLength',
        values: { max: BOUNDS.screenPopUrlMaxLength },
      });
    }
    return url;
  },
  when: (value, field) => oneOf(value, field, SCREEN_POP_WHEN),
};

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw refuse(field, `must be one of ${allowed.join(', ')}`, value);
}

export function alertFlag(value: unknown, kind: string): boolean {
  return flag(value, `alerts.${kind}`);
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw refuse(field, 'must be on or off', value);
  return value;
}

/** A time kept in milliseconds, checked and explained in seconds (the window's unit). */
function millisecondsIn(
  value: unknown,
  field: string,
  { min, max }: { min: number; max: number },
  outOfRange: MessageId = 'settings.refuse.between',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw refusal(field, { id: 'settings.refuse.seconds', values: { got: describe(value) } });
  }
  if (value < min || value > max) {
    const values = { min: seconds(min), max: seconds(max), got: seconds(value) };
    throw refusal(field, { id: outOfRange, values });
  }
  if (!Number.isInteger(value)) {
    throw refusal(field, { id: 'settings.refuse.whole', values: { got: seconds(value) } });
  }
  return value;
}

const seconds = (ms: number): number => ms / 1000;

function refuse(field: string, rule: string, value: unknown): SettingsError {
  return new SettingsError(field, `${labelOf(field)} ${rule} (got ${describe(value)}).`);
}

/** Names what was sent without echoing text, which could be anything the agent typed. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : typeof value;
}
