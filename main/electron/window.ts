// The one window: created on demand, destroyed on close (a tray app keeps no hidden renderer).
// Sandboxed, isolated, no navigation, no new windows; links open in the browser only when they
// are https on the agent's own server. The page comes from app://tray/ (app-protocol.ts).
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, screen, shell, type WebFrameMain } from 'electron';
import type { WindowBounds } from '../boundary/contract.js';
import { appPageUrl, isOurPageUrl } from './app-url.js';
import { lockDown } from './locked-down.js';
import { devRendererUrl, externalLinkAllowed, windowBounds } from './window-rules.js';

export interface WindowOptions {
  /** The configured server, for the external link rule. */
  server: () => string;
  savedBounds: () => WindowBounds | null;
  saveBounds: (bounds: WindowBounds) => void;
  trayBounds: () => WindowBounds | null;
  onShown: () => void;
}

export interface AppWindow {
  /**
   * Opens (or focuses) the window. With a route such as `/sessions/abc` it goes there; without
   * one an open window stays where the agent left it, and a new one starts on the calls.
   */
  open(route?: string): void;
  isOurFrame(frame: WebFrameMain | null | undefined): boolean;
  send(channel: string, payload: unknown): void;
}

const PRELOAD = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

export function createAppWindow(options: WindowOptions): AppWindow {
  let win: BrowserWindow | null = null;

  function create(route: string): BrowserWindow {
    const tray = options.trayBounds();
    const area = tray
      ? screen.getDisplayNearestPoint({ x: tray.x, y: tray.y }).workArea
      : screen.getPrimaryDisplay().workArea;
    const created = new BrowserWindow({
      ...windowBounds(options.savedBounds(), tray, area),
      show: false,
      title: 'Evo Voice Tray',
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick', // no middle-click window (the open handler denies it too)
      },
    });
    lockDown(created.webContents, openOutside);
    created.once('ready-to-show', () => {
      created.show();
      created.focus();
      options.onShown();
    });
    created.on('close', () => options.saveBounds(created.getBounds()));
    created.on('closed', () => {
      if (win === created) win = null;
    });
    void load(created, route);
    return created;
  }

  function openOutside(url: string): void {
    if (externalLinkAllowed(url, options.server())) void shell.openExternal(url);
  }

  async function load(target: BrowserWindow, route: string): Promise<void> {
    // In `electron-vite dev` the renderer comes from its dev server; never in a packaged app.
    const devUrl = devRendererUrl(process.env, app.isPackaged);
    await target.loadURL(devUrl ? `${devUrl}#${route}` : appPageUrl('index.html', route));
  }

  return {
    open(route) {
      if (!win || win.isDestroyed()) {
        // Signed out, the window shows the sign-in form whatever the route.
        win = create(route ?? '/calls');
        return;
      }
      if (route !== undefined) {
        // Same page, new hash: the window's router follows it, nothing reloads.
        const hash = JSON.stringify(`#${route}`);
        void win.webContents.executeJavaScript(`location.hash = ${hash}`);
      }
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      options.onShown();
    },
    isOurFrame(frame) {
      // Our window's main frame, and showing our page (not one it was somehow navigated to).
      if (!win || win.isDestroyed() || !frame || frame !== win.webContents.mainFrame) return false;
      return isOurPageUrl(frame.url, devRendererUrl(process.env, app.isPackaged));
    },
    send(channel, payload) {
      if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
    },
  };
}
