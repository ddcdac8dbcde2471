// The agent's settings as both sides see them: their shape, their defaults, the server presets.
// Types and constants only (the rules are main/settings/), part of the IPC contract.

/** `until-resumed`: paused until the agent resumes by hand. */
export type AlertsPausedUntil = number | 'until-resumed';

export interface AlertKinds {
  ringing: boolean;
  held: boolean;
  missed: boolean;
  /** Polling failed for over a minute / recovered. Signed-out always notifies. */
  connection: boolean;
}

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The ring sounds the app makes itself (assets/make-ring-sounds.ts). */
export const RING_SOUNDS = ['classic', 'double', 'chime'] as const;
export type RingSound = (typeof RING_SOUNDS)[number];

/** When the app's own incoming-call window shows: always, only when cards cannot, or never. */
export const INCOMING_WINDOW_MODES = ['always', 'fallback', 'never'] as const;
export type IncomingWindowMode = (typeof INCOMING_WINDOW_MODES)[number];

/** When the screen pop opens by itself; 'manual' only from the call's button. */
export const SCREEN_POP_WHEN = ['ringing', 'answered', 'manual'] as const;
export type ScreenPopWhen = (typeof SCREEN_POP_WHEN)[number];

/** A web page about the caller (the CRM), opened in the system browser for a call. */
export interface ScreenPopSettings {
  /** A template with placeholders such as {from} (main/screen-pop/template.ts); '' is off. */
  url: string;
  when: ScreenPopWhen;
}

export interface Settings {
  server: string;
  username: string;
  pollIntervalMs: number;
  /** The poll interval while a call of the agent rings or is queued; at least 500 ms. */
  ringingIntervalMs: number;
  alerts: AlertKinds;
  holdAlertDelayMs: number;
  holdReminderMs: number;
  sound: boolean;
  openAtLogin: boolean;
  /** Look for a new version at start and every six hours (off where IT pushes updates). */
  checkForUpdates: boolean;
  alertsPausedUntil: AlertsPausedUntil | null;
  windowBounds: WindowBounds | null;
  /** The last transfer destinations, newest first, at most five (numbers, extensions, SIP). */
  recentDestinations: string[];
  /** Ring aloud, looping, while a call rings for the agent. */
  ringUntilAnswered: boolean;
  ringSound: RingSound;
  /** 0 to 1. */
  ringVolume: number;
  incomingWindow: IncomingWindowMode;
  /** An Electron accelerator that opens the ringing call (e.g. "CommandOrControl+Shift+A"); '' is off. */
  globalShortcut: string;
  screenPop: ScreenPopSettings;
  /** The output device the ring plays on (a media device id); '' is the system default. */
  ringDevice: string;
  /** The agent's language (a supported locale, see i18n/locales.ts); '' follows the system's. */
  language: string;
}

export type SettingsPatch = Partial<Omit<Settings, 'alerts' | 'screenPop'>> & {
  alerts?: Partial<AlertKinds>;
  screenPop?: Partial<ScreenPopSettings>;
};

export const DEFAULT_SETTINGS: Settings = {
  server: 'https://evovoice.io',
  username: '',
  pollIntervalMs: 3000,
  ringingIntervalMs: 1000,
  alerts: { ringing: true, held: true, missed: true, connection: true },
  holdAlertDelayMs: 0,
  holdReminderMs: 120_000,
  sound: true,
  openAtLogin: false,
  checkForUpdates: true,
  alertsPausedUntil: null,
  windowBounds: null,
  recentDestinations: [],
  ringUntilAnswered: true,
  ringSound: 'classic',
  ringVolume: 0.8,
  incomingWindow: 'fallback',
  globalShortcut: '',
  screenPop: { url: '', when: 'manual' },
  ringDevice: '',
  language: '',
};

export const SERVER_PRESETS = [
  { label: 'Evo Voice', url: 'https://evovoice.io' },
  { label: 'Evo Voice (team)', url: 'https://team.evovoice.io' },
] as const;
