// "Open at login": the OS login items (macOS, Windows). Linux has no such API in Electron.
import { app } from 'electron';

export function setOpenAtLogin(openAtLogin: boolean): void {
  if (process.platform === 'linux') return;
  app.setLoginItemSettings({ openAtLogin });
}
