// "Open at login": the OS login items on macOS and Windows, an XDG autostart entry on Linux
// (where Electron's login items do nothing).
import { app } from 'electron';
import { setLinuxAutostart } from '../app/linux-autostart.js';
import type { Logger } from '../log.js';

export function setOpenAtLogin(openAtLogin: boolean, log: Logger): void {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin });
    return;
  }
  try {
    setLinuxAutostart(openAtLogin);
  } catch (e) {
    log.warn(`Could not ${openAtLogin ? 'add' : 'remove'} the login item: ${(e as Error).message}`);
  }
}
