// The tray, as pure data: (AppState, now) → icon, tooltip and menu. The adapter applies it.
export { trayLook, trayIconFile, trayTooltip } from './tray-look.js';
export type { TrayIconName, TrayLook } from './tray-look.js';
export { trayMenu, parseMenuAction, MISSED_IN_MENU, ACTION_LABELS } from './tray-menu.js';
export type {
  MenuAction,
  MenuItem,
  MenuModel,
  ParsedMenuAction,
  PauseMinutes,
} from './tray-menu.js';
export type { TimeFormat } from './times.js';
