// The tray icon: applies the tray model (icon, tooltip, menu) and hands each menu click its
// item's action.
// Linux shows the menu on any click and reports no click events; macOS and Windows open the
// window on a click and show the menu on a right-click.
import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { AppState, WindowBounds } from '../boundary/contract.js';
import { trayIconFile, trayLook, trayTooltip } from '../app/tray-look.js';
import { trayMenu } from '../app/tray-menu.js';
import type { MenuItem, MenuModel, TrayAction } from '../app/tray-action.js';

export interface TrayOptions {
  iconsDir: string;
  now: () => number;
  onAction: (action: TrayAction) => void;
  onClick: () => void;
}

export interface TrayView {
  show(state: AppState): void;
  /** Where the icon is on screen (0×0 on Linux, which does not say). */
  bounds(): WindowBounds;
}

/** How often the elapsed times in the Linux menu are refreshed; it updates even while open. */
const MENU_REFRESH_MS = 1_000;

export function iconPath(iconsDir: string, name: string, platform = process.platform): string {
  if (platform === 'darwin') return join(iconsDir, 'mac', `${name}Template.png`);
  if (platform === 'win32') return join(iconsDir, 'win', `${name}.ico`);
  return join(iconsDir, 'linux', `${name}.png`);
}

export function createTray(options: TrayOptions): TrayView {
  const linux = process.platform === 'linux';
  let state: AppState | null = null;
  let shown = { icon: '', tooltip: '', menu: '' };
  let menu: Menu | null = null;
  const tray = new Tray(nativeImage.createFromPath(iconPath(options.iconsDir, 'signed-out')));

  const template = (items: MenuModel): MenuItemConstructorOptions[] => items.map(toElectron);
  function toElectron(item: MenuItem): MenuItemConstructorOptions {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: template(item.items) };
      case 'action':
        return {
          label: item.label,
          enabled: item.enabled ?? true,
          ...(item.checked === undefined ? {} : { type: 'checkbox', checked: item.checked }),
          click: () => options.onAction(item.action),
        };
    }
  }

  /** Builds a new Menu only when the model changed: rebuilding closes an open menu on some desktops. */
  function currentMenu(): Menu | null {
    if (!state) return null;
    const model = trayMenu(state, options.now());
    const serialized = JSON.stringify(model);
    if (menu && serialized === shown.menu) return menu;
    shown = { ...shown, menu: serialized };
    menu = Menu.buildFromTemplate(template(model));
    if (linux) tray.setContextMenu(menu);
    return menu;
  }

  if (!linux) {
    tray.on('click', () => options.onClick());
    tray.on('right-click', () => {
      const latest = currentMenu();
      if (latest) tray.popUpContextMenu(latest);
    });
  }
  // The tray lives as long as the app: the timer is never cleared, only kept from holding it up.
  if (linux) setInterval(() => currentMenu(), MENU_REFRESH_MS).unref();

  return {
    show(next) {
      state = next;
      const icon = trayIconFile(trayLook(next));
      if (icon !== shown.icon) {
        tray.setImage(nativeImage.createFromPath(iconPath(options.iconsDir, icon)));
        shown = { ...shown, icon };
      }
      const tooltip = trayTooltip(next);
      if (tooltip !== shown.tooltip) {
        tray.setToolTip(tooltip);
        shown = { ...shown, tooltip };
      }
      if (linux) currentMenu();
    },
    bounds: () => tray.getBounds(),
  };
}
