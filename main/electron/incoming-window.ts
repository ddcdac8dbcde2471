// The app's own incoming-call window: for desks where the OS shows no cards (or a card failed),
// or for agents who want it always. Always on top, shown without taking focus (the agent may be
// typing elsewhere), the same security as the main window; it loads the window bundle's
// `#/incoming` route, which lists the ringing calls with an Open button each.
import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen, type WebFrameMain } from 'electron';
import { appPageUrl, isOurPageUrl } from './app-url.js';
import { lockDown } from './locked-down.js';

const PRELOAD = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

export const INCOMING_ROUTE = '/incoming';
const SIZE = { width: 340, height: 180 };
const MARGIN = 16;

export interface IncomingWindow {
  /** Shown while true; closed (destroyed) when false. */
  set(show: boolean): void;
  isOurFrame(frame: WebFrameMain | null | undefined): boolean;
  send(channel: string, payload: unknown): void;
}

/** `title`: the window's title in the agent's language, asked each time it opens. */
export function createIncomingWindow(title: () => string): IncomingWindow {
  let win: BrowserWindow | null = null;

  function create(): BrowserWindow {
    const area = screen.getPrimaryDisplay().workArea;
    const created = new BrowserWindow({
      ...SIZE,
      // Bottom right, where a softphone's call pop-up usually is.
      x: area.x + area.width - SIZE.width - MARGIN,
      y: area.y + area.height - SIZE.height - MARGIN,
      show: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: title(),
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick', // no middle-click window (the open handler denies it too)
      },
    });
    lockDown(created.webContents);
    // Above full-screen apps too, on every platform.
    created.setAlwaysOnTop(true, 'screen-saver');
    created.once('ready-to-show', () => {
      if (win === created && !created.isDestroyed()) created.showInactive();
    });
    created.on('closed', () => {
      if (win === created) win = null;
    });
    // app://, as the main window: file:// has its extra privileges fused off in the package.
    void created.loadURL(appPageUrl('index.html', INCOMING_ROUTE));
    return created;
  }

  return {
    set(show) {
      if (show && (!win || win.isDestroyed())) win = create();
      if (!show && win) {
        const closing = win;
        win = null;
        if (!closing.isDestroyed()) closing.close();
      }
    },
    isOurFrame(frame) {
      // Its main frame, and showing our page (not one it was somehow navigated to).
      if (!win || win.isDestroyed() || !frame || frame !== win.webContents.mainFrame) return false;
      return isOurPageUrl(frame.url, null);
    },
    send(channel, payload) {
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
  };
}
