// A stand-in for the `electron` module (the binary cannot be downloaded here). It does what the
// app asks in plain objects and records it, so a test can read what the agent would see: tray
// images, tooltips and menus, notifications (and click them), windows, IPC handlers (and call
// them as our window or as a stranger), the app's lifecycle, and the small stubs around them.
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  snapshotOf,
  type NotificationRecord,
  type Recording,
  type ServedRecord,
  type Template,
  type WindowRecord,
} from './recording.js';

export type { MenuSnapshot, NotificationRecord, Recording, WindowRecord } from './recording.js';

export interface FakeOptions {
  userData: string;
  appPath: string;
  /** false: another instance holds the lock. */
  singleInstanceLock?: boolean;
  /** app.isPackaged (default false, as under `electron-vite dev`). */
  isPackaged?: boolean;
  /**
   * Another launch arrives right after `ready` (Electron emits second-instance only after
   * ready, but at any time after it: here while the app is still starting up).
   */
  secondLaunchAtReady?: boolean;
  /**
   * The OS's notifications: 'unsupported' (Notification.isSupported() is false) or 'failing'
   * (each show() is answered by a `failed` event, as Electron does when the OS refuses it).
   */
  notifications?: 'supported' | 'unsupported' | 'failing';
  /** app.getPreferredSystemLanguages() (default ['en-US']). */
  systemLanguages?: string[];
}

/** Electron's accelerator grammar, enough to refuse what register() would throw on. */
const MODIFIERS = new Set(
  'command cmd control ctrl commandorcontrol cmdorctrl alt option altgr shift super meta'.split(
    ' ',
  ),
);
const KEY =
  /^([a-z0-9]|f([1-9]|1[0-9]|2[0-4])|space|tab|backspace|delete|insert|return|enter|up|down|left|right|home|end|pageup|pagedown|escape|esc|plus|[-=[\];',./`])$/i;
function isAccelerator(text: string): boolean {
  const parts = text.split('+');
  const key = parts.pop() ?? '';
  return KEY.test(key) && parts.every((p) => MODIFIERS.has(p.toLowerCase()));
}

export function createFakeElectron(options: FakeOptions) {
  const rec: Recording = {
    trayImages: [],
    tooltip: '',
    menu: [],
    menuBuilds: 0,
    notifications: [],
    windows: [],
    handlers: [],
    externalOpened: [],
    clipboard: [],
    loginItems: [],
    appUserModelId: null,
    quit: false,
    missingImages: [],
    privilegedSchemes: [],
    handledSchemes: [],
    shortcutsRegistered: [],
    shortcutsHeld: [],
  };
  // Electron is ready only after the main script's first run (the driver says when).
  let ready = false;
  let becomeReady: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (becomeReady = resolve));
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  /** A request through a custom scheme's handler, as Chromium would make it. */
  async function serve(url: string, method = 'GET'): Promise<ServedRecord> {
    const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler(new Request(url, { method }));
    const body = await response.arrayBuffer();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      bytes: body.byteLength,
    };
  }
  const shortcuts = new Map<string, () => void>();
  /** Accelerators another app holds: register() answers false. */
  const takenShortcuts = new Set<string>();
  let toastActivation: ((details: { type: string; arguments: string }) => void) | null = null;
  let menuTemplate: Template[] = [];
  let online = true;
  const trays: FakeTray[] = [];
  const cards: FakeNotification[] = [];
  const windows: FakeBrowserWindow[] = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  type PermissionCheck = (
    contents: unknown,
    permission: string,
    origin: string,
    details: Record<string, unknown>,
  ) => boolean;
  let permissionCheck: PermissionCheck | null = null;

  class FakeImage {
    constructor(readonly path: string) {
      if (!existsSync(path)) rec.missingImages.push(path);
    }
    isEmpty() {
      return !existsSync(this.path);
    }
  }

  class FakeMenu {
    constructor(readonly template: Template[]) {}
  }

  class FakeTray extends EventEmitter {
    constructor(image: FakeImage) {
      super();
      trays.push(this);
      rec.trayImages.push(image.path);
    }
    setImage(image: FakeImage) {
      rec.trayImages.push(image.path);
    }
    setToolTip(text: string) {
      rec.tooltip = text;
    }
    setContextMenu(menu: FakeMenu) {
      menuTemplate = menu.template;
      rec.menu = snapshotOf(menu.template);
      rec.menuBuilds++;
    }
    popUpContextMenu(menu: FakeMenu) {
      this.setContextMenu(menu);
    }
    getBounds() {
      return { x: 0, y: 0, width: 0, height: 0 };
    }
    destroy() {}
  }

  class FakeNotification extends EventEmitter {
    readonly record: NotificationRecord;
    constructor(opts: { title: string; body: string; silent?: boolean }) {
      super();
      this.record = {
        title: opts.title,
        body: opts.body,
        silent: !!opts.silent,
        closed: false,
        options: JSON.parse(JSON.stringify(opts)) as Record<string, unknown>,
      };
    }
    static isSupported() {
      return options.notifications !== 'unsupported';
    }
    /** Windows: toast clicks and buttons, with the toast's arguments (Electron 45+). */
    static handleActivation(callback: (details: { type: string; arguments: string }) => void) {
      toastActivation = callback;
    }
    show() {
      cards.push(this);
      rec.notifications.push(this.record);
      if (options.notifications === 'failing') {
        this.record.failed = true;
        // Electron reports the OS's refusal asynchronously, as an event with the error text.
        setImmediate(() => this.emit('failed', {}, 'The notification server refused it'));
      }
    }
    close() {
      if (this.record.closed) return;
      this.record.closed = true;
      this.emit('close');
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    readonly record: WindowRecord;
    readonly webContents: EventEmitter & Record<string, unknown>;
    private destroyed = false;
    /** The page's scripts run (and may call the bridge) once its load committed. */
    loading: Promise<void> = Promise.resolve();
    constructor(opts: Record<string, unknown>) {
      super();
      this.record = {
        options: opts,
        shown: false,
        focusCount: 0,
        destroyed: false,
        pushes: [],
      };
      rec.windows.push(this.record);
      windows.push(this);
      const contents = new EventEmitter() as EventEmitter & Record<string, unknown>;
      const record = this.record;
      // WebFrameMain.url: the frame's current URL, hash included.
      const mainFrame = { name: 'our main frame', url: '' };
      Object.assign(contents, {
        mainFrame,
        session: {
          setPermissionRequestHandler: () => {},
          // As Electron: one check handler per session, the last one set.
          setPermissionCheckHandler: (h: unknown) => (permissionCheck = h as PermissionCheck),
        },
        // WebContents.ipc: messages from this page's frames only (ipcRenderer.send).
        ipc: new EventEmitter(),
        setWindowOpenHandler: (h: unknown) => (contents['openHandler'] = h),
        send: (channel: string, payload: unknown) =>
          record.pushes.push({ channel, payload: JSON.parse(JSON.stringify(payload)) }),
        executeJavaScript: async (code: string) => {
          const hash = /^location\.hash = (".*")$/.exec(code)?.[1];
          if (hash) {
            record.hash = JSON.parse(hash) as string;
            mainFrame.url = mainFrame.url.replace(/#.*$/, '') + record.hash;
          }
        },
      });
      this.webContents = contents;
    }
    async loadFile(file: string, opts?: { hash?: string }) {
      this.record.file = file;
      this.record.hash = `#${opts?.hash ?? ''}`;
      setImmediate(() => this.emit('ready-to-show'));
    }
    loadURL(url: string) {
      this.loading = this.navigate(url);
      return this.loading;
    }
    private async navigate(url: string) {
      this.record.url = url;
      const parsed = new URL(url);
      this.record.hash = parsed.hash;
      if (!['http:', 'https:', 'file:', 'data:'].includes(parsed.protocol)) {
        this.record.served = await serve(url);
      }
      // The load commits: the frame's URL changes now.
      (this.webContents['mainFrame'] as { url: string }).url = url;
      setImmediate(() => this.emit('ready-to-show'));
    }
    show() {
      this.record.shown = true;
    }
    showInactive() {
      this.record.shown = true;
      this.record.shownInactive = true;
    }
    setAlwaysOnTop(flag: boolean) {
      this.record.alwaysOnTop = flag;
    }
    focus() {
      this.record.focusCount++;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    getBounds() {
      const o = this.record.options;
      return { x: o['x'], y: o['y'], width: o['width'], height: o['height'] };
    }
    close() {
      this.emit('close');
      this.destroyed = true;
      this.record.destroyed = true;
      this.emit('closed');
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
    setAppUserModelId: (id: string) => (rec.appUserModelId = id),
    whenReady() {
      if (options.secondLaunchAtReady) {
        options.secondLaunchAtReady = false;
        setImmediate(() => app.emit('second-instance', {}, [], ''));
      }
      return whenReady;
    },
    isReady: () => ready,
    getPath: (name: string) =>
      name === 'userData' ? options.userData : join(options.userData, name),
    getAppPath: () => options.appPath,
    getName: () => 'Evo Voice Tray',
    // As a desk set to English (US); EVO_FAKE_LANGUAGES (comma-separated) sets others.
    getPreferredSystemLanguages: () => options.systemLanguages ?? ['en-US'],
    // As Electron: the version in the app's package.json.
    getVersion: () =>
      (
        JSON.parse(readFileSync(join(options.appPath, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version,
    setLoginItemSettings: (settings: unknown) => rec.loginItems.push(settings),
    quit() {
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) rec.quit = true;
    },
    exit: () => (rec.quit = true),
    relaunch: () => {},
  });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: (t: Template[]) => new FakeMenu(t) },
    Notification: FakeNotification,
    Tray: FakeTray,
    nativeImage: { createFromPath: (path: string) => new FakeImage(path) },
    ipcMain: Object.assign(new EventEmitter(), {
      handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
        handlers.set(channel, fn);
        rec.handlers.push(channel);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    }),
    powerMonitor: new EventEmitter(),
    net: {
      isOnline: () => online,
      // Chromium's network stack, played by Node's: the ClientRequest events electron-updater
      // listens to (response, error, abort) are the same; Electron-only options are dropped.
      request(options: Record<string, unknown>) {
        const dropped = new Set(['session', 'redirect', 'url']);
        const rest = Object.fromEntries(Object.entries(options).filter(([k]) => !dropped.has(k)));
        const url = options['url'];
        const send = rest['protocol'] === 'https:' ? httpsRequest : httpRequest;
        return typeof url === 'string' ? send(url, rest) : send(rest);
      },
    },
    shell: {
      openExternal: async (url: string) => void rec.externalOpened.push(url),
      openPath: async () => '',
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    clipboard: { writeText: (text: string) => void rec.clipboard.push(text) },
    globalShortcut: {
      register(accelerator: string, callback: () => void): boolean {
        // Electron throws on an accelerator it cannot parse, and answers false when it is taken.
        if (!isAccelerator(accelerator)) throw new Error('conversion failure');
        if (takenShortcuts.has(accelerator) || shortcuts.has(accelerator)) return false;
        shortcuts.set(accelerator, callback);
        rec.shortcutsRegistered.push(accelerator);
        rec.shortcutsHeld = [...shortcuts.keys()];
        return true;
      },
      unregister(accelerator: string) {
        shortcuts.delete(accelerator);
        rec.shortcutsHeld = [...shortcuts.keys()];
      },
      unregisterAll() {
        shortcuts.clear();
        rec.shortcutsHeld = [];
      },
      isRegistered: (accelerator: string) => shortcuts.has(accelerator),
    },
    session: {
      defaultSession: { webRequest: { onHeadersReceived: () => {} } },
      fromPartition: () => ({ webRequest: { onHeadersReceived: () => {} } }),
    },
    // Squirrel's updater (macOS, Windows), which electron-updater's MacUpdater drives; it never
    // finds anything here.
    autoUpdater: Object.assign(new EventEmitter(), {
      setFeedURL: () => {},
      getFeedURL: () => '',
      checkForUpdates: () => {},
      quitAndInstall: () => {},
    }),
    // As electron.d.ts's Protocol: schemes are made privileged only before ready, handled after.
    protocol: {
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: object }[]) {
        if (ready) {
          throw new Error(
            'protocol.registerSchemesAsPrivileged should be called before app is ready',
          );
        }
        rec.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
        if (!ready) throw new Error('protocol.handle cannot be used before the app is ready');
        if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        protocolHandlers.set(scheme, handler);
        rec.handledSchemes.push(scheme);
      },
      unhandle: (scheme: string) => void protocolHandlers.delete(scheme),
      isProtocolHandled: (scheme: string) => protocolHandlers.has(scheme),
    },
    // Main-process view: contextBridge exists (a stub); ipcRenderer does not, as in Electron.
    contextBridge: { exposeInMainWorld: () => {} },
  };

  /** The app's windows by what they show: the main window, the incoming-call one, the ring page. */
  function liveWindow(kind: 'main' | 'incoming' | 'ring'): FakeBrowserWindow | undefined {
    const kindOf = (w: FakeBrowserWindow) =>
      /ring[\\/]index\.html$/.test(w.record.url ?? w.record.file ?? '')
        ? 'ring'
        : w.record.hash === '#/incoming'
          ? 'incoming'
          : 'main';
    return windows.filter((w) => !w.isDestroyed() && kindOf(w) === kind).at(-1);
  }

  /** What a test can do to the app, as the agent or the OS would. */
  const control = {
    recording: () => rec,
    /** Electron's 'ready': the driver calls it once the main script has run. */
    ready() {
      if (ready) return;
      ready = true;
      app.emit('ready');
      becomeReady();
    },
    /** The window's main frame now shows `url` (as after a navigation our rules did not stop). */
    setFrameUrl(url: string) {
      const live = windows.filter((w) => !w.isDestroyed()).at(-1);
      if (!live) throw new Error('No window');
      (live.webContents['mainFrame'] as { url: string }).url = url;
    },
    /** A request the window's page could make (a link, a script src) through a custom scheme. */
    fetchScheme: (url: string, method?: string) => serve(url, method),
    clickNotification(index: number) {
      const card = cards[index];
      if (!card) throw new Error(`No notification #${index}`);
      card.emit('click');
    },
    /** Clicks the first menu item whose label starts so (searched through submenus). */
    clickMenu(label: string) {
      const find = (items: Template[]): Template | undefined => {
        for (const item of items) {
          if (String(item['label']).startsWith(label) && item.click) return item;
          const inner = item.submenu && find(item.submenu);
          if (inner) return inner;
        }
        return undefined;
      };
      const item = find(menuTemplate);
      if (!item?.click) throw new Error(`No menu item "${label}"`);
      item.click();
    },
    /** A button of a shown card (macOS `actions`), by its index. */
    notificationAction(index: number, actionIndex: number) {
      const card = cards[index];
      if (!card) throw new Error(`No notification #${index}`);
      card.emit('action', { actionIndex, selectionIndex: -1 }, actionIndex, -1);
    },
    /** Windows: the agent clicks a toast (or one of its buttons) with these arguments. */
    activateToast(args: string) {
      if (!toastActivation) throw new Error('No Notification.handleActivation callback');
      toastActivation({ type: 'click', arguments: args });
    },
    pressShortcut(accelerator: string) {
      const callback = shortcuts.get(accelerator);
      if (!callback) throw new Error(`No shortcut ${accelerator} registered`);
      callback();
    },
    /** Another app holds this accelerator from now on. */
    takeShortcut: (accelerator: string) => void takenShortcuts.add(accelerator),
    /**
     * Calls an IPC handler as a window's main frame would (the main window by default, or
     * the incoming-call window), or as a foreign frame.
     */
    async invoke(
      channel: string,
      args: unknown[],
      from: 'window' | 'incoming' | 'foreign' = 'window',
    ) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler for ${channel}`);
      const live = liveWindow(from === 'incoming' ? 'incoming' : 'main');
      if (from !== 'foreign') await live?.loading.catch(() => {});
      const senderFrame = from !== 'foreign' && live ? live.webContents['mainFrame'] : {};
      return handler({ senderFrame }, ...args);
    },
    secondInstance: (argv: string[] = []) => app.emit('second-instance', {}, argv, ''),
    /** A click on the tray icon ('click' or 'right-click'; Linux reports neither). */
    clickTray(kind: 'click' | 'right-click') {
      const tray = trays.at(-1);
      if (!tray) throw new Error('No tray icon');
      tray.emit(kind);
    },
    /** What net.isOnline() answers from now on. */
    setOnline: (value: boolean) => void (online = value),
    power: (event: string) => electron.powerMonitor.emit(event),
    closeWindow: () => liveWindow('main')?.close(),
    /** The ring page sends main a message (ipcRenderer.send from its preload). */
    ringPageSends(channel: string, payload: unknown) {
      const page = liveWindow('ring');
      if (!page) throw new Error('No ring page');
      const contents = page.webContents;
      (contents['ipc'] as EventEmitter).emit(
        channel,
        { senderFrame: contents['mainFrame'] },
        payload,
      );
    },
    /**
     * Asks the session's permission check as Chromium would for a page (the ring page or the
     * main window) at its current URL; without a handler Electron grants it.
     */
    permissionCheck(from: 'ring' | 'main', permission: string, mediaType?: string) {
      const live = liveWindow(from);
      if (!live) throw new Error(`No ${from} window`);
      const url = (live.webContents['mainFrame'] as { url: string }).url;
      if (!permissionCheck) return true;
      return permissionCheck(live.webContents, permission, new URL(url).origin, {
        requestingUrl: url,
        isMainFrame: true,
        ...(mediaType ? { mediaType } : {}),
      });
    },
  };

  return { electron, control };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
