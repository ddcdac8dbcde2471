// The settings by name: every key, the labels refusals use, and the bounds the rules, the
// stored-settings reader and the JSON schema share.
import type { AlertKinds, ScreenPopSettings, Settings } from '../boundary/contract.js';
import { SUPPORTED_LOCALES } from '../boundary/i18n/locales.js';

export const BOUNDS = {
  pollIntervalMs: { min: 1_000, max: 60_000 },
  /** Never below 500 ms: a ringing call must not turn into hammering the server. */
  ringingIntervalMs: { min: 500, max: 10_000 },
  holdAlertDelayMs: { min: 0, max: 3_600_000 },
  /** 0 turns reminders off; otherwise between min and max. */
  holdReminderMs: { min: 10_000, max: 3_600_000 },
  usernameMaxLength: 256,
  shortcutMaxLength: 100,
  /** 2 KB: a CRM address with a few placeholders, never a page of data. */
  screenPopUrlMaxLength: 2048,
  /** A media device id (Chromium's are 64 hex characters); room to spare. */
  ringDeviceMaxLength: 256,
} as const;

export const ALERT_KINDS = [
  'ringing',
  'held',
  'missed',
  'connection',
] as const satisfies readonly (keyof AlertKinds)[];

export const SETTING_KEYS = [
  'server',
  'username',
  'pollIntervalMs',
  'ringingIntervalMs',
  'alerts',
  'holdAlertDelayMs',
  'holdReminderMs',
  'sound',
  'openAtLogin',
  'checkForUpdates',
  'alertsPausedUntil',
  'windowBounds',
  'recentDestinations',
  'ringUntilAnswered',
  'ringSound',
  'ringVolume',
  'incomingWindow',
  'globalShortcut',
  'screenPop',
  'ringDevice',
  'language',
] as const satisfies readonly (keyof Settings)[];

/** Every setting is in SETTING_KEYS: a new field of Settings missing here does not compile. */
const everySettingListed: Exclude<keyof Settings, (typeof SETTING_KEYS)[number]> extends never
  ? true
  : never = true;
void everySettingListed;

/** The language setting's values: '' follows the system, or one supported locale. */
export const LANGUAGE_CHOICES = ['', ...SUPPORTED_LOCALES] as const;

export const SCREEN_POP_FIELDS = [
  'url',
  'when',
] as const satisfies readonly (keyof ScreenPopSettings)[];

/**
 * What the agent calls each setting (the window's wording, not the key): refusals name the
 * field this way, and give times in seconds, as the window shows them.
 */
export const SETTING_LABELS: Readonly<Record<string, string>> = {
  server: 'Server address',
  username: 'User name',
  pollIntervalMs: 'Poll interval',
  ringingIntervalMs: 'Poll interval while a call rings',
  holdAlertDelayMs: 'Hold alert delay',
  holdReminderMs: 'Hold reminder',
  sound: 'Sound',
  openAtLogin: 'Open at login',
  checkForUpdates: 'Check for updates',
  alertsPausedUntil: 'Alert pause',
  windowBounds: 'Window position',
  recentDestinations: 'Recent transfer destinations',
  ringUntilAnswered: 'Ring until answered',
  ringSound: 'Ring sound',
  ringVolume: 'Ring volume',
  incomingWindow: 'Incoming-call window',
  globalShortcut: 'Shortcut',
  ringDevice: 'Ring device',
  'screenPop.url': 'Screen pop address',
  'screenPop.when': 'Open the screen pop',
  language: 'Language',
  'alerts.ringing': 'Ringing call alerts',
  'alerts.held': 'Held call alerts',
  'alerts.missed': 'Missed call alerts',
  'alerts.connection': 'Connection alerts',
};
