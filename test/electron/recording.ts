// What the fake electron records: plain data a test (or the driver's JSON answer) can read.

export type Template = Record<string, unknown> & { click?: () => void; submenu?: Template[] };

/** A menu as plain data: what the agent reads, without the click handlers. */
export interface MenuSnapshot {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuSnapshot[];
}

export interface NotificationRecord {
  title: string;
  body: string;
  silent: boolean;
  closed: boolean;
  /** Everything the app passed to the constructor (urgency, timeoutType, toastXml, actions). */
  options: Record<string, unknown>;
  /** show() was called and the OS reported `failed` instead of showing it. */
  failed?: boolean;
}

export interface WindowRecord {
  options: Record<string, unknown>;
  file?: string;
  url?: string;
  hash?: string;
  /** What a custom protocol's handler answered for the page (app:// loads only). */
  served?: ServedRecord;
  shown: boolean;
  /** Shown with showInactive (without taking focus). */
  shownInactive?: boolean;
  alwaysOnTop?: boolean;
  focusCount: number;
  destroyed: boolean;
  pushes: { channel: string; payload: unknown }[];
}

export interface ServedRecord {
  status: number;
  contentType: string | null;
  csp: string | null;
  bytes: number;
}

export interface Recording {
  trayImages: string[];
  tooltip: string;
  menu: MenuSnapshot[];
  /** How many times a menu was set on the tray. */
  menuBuilds: number;
  notifications: NotificationRecord[];
  windows: WindowRecord[];
  handlers: string[];
  externalOpened: string[];
  clipboard: string[];
  loginItems: unknown[];
  appUserModelId: string | null;
  quit: boolean;
  missingImages: string[];
  /** protocol.registerSchemesAsPrivileged calls, and the schemes given a handler. */
  privilegedSchemes: unknown[];
  handledSchemes: string[];
  /** Accelerators registered with globalShortcut, in order, and those now held. */
  shortcutsRegistered: string[];
  shortcutsHeld: string[];
}

export const snapshotOf = (items: Template[]): MenuSnapshot[] =>
  items.map(({ label, type, enabled, checked, submenu }) => ({
    ...(label === undefined ? {} : { label: String(label) }),
    ...(type === undefined ? {} : { type: String(type) }),
    ...(enabled === undefined ? {} : { enabled: Boolean(enabled) }),
    ...(checked === undefined ? {} : { checked: Boolean(checked) }),
    ...(submenu ? { submenu: snapshotOf(submenu) } : {}),
  }));
