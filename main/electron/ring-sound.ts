// The ring's voice: a hidden, sandboxed page of the app's own (renderer/ring) that loops the
// chosen sound on the chosen speaker. Main has no audio; it only tells the page play or stop,
// and only on a change. The page answers about speakers: a chosen one it could not find, the
// ones it can see.
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { appPageUrl } from './app-url.js';
import { lockDown } from './locked-down.js';
import type { Logger } from '../log.js';
import { STOP, sameSound, type SoundCommand } from '../ringing/sound-rule.js';
import {
  RING_CHANNEL,
  RING_EVENT_CHANNEL,
  isRingEvent,
  type RingCommand,
  type RingEvent,
} from '../boundary/ring-channel.js';
import type { RingDevice } from '../boundary/contract.js';
import { ringDeviceChoices } from '../ringing/ring-devices.js';
import { allowRingDevices } from './ring-permissions.js';

const PRELOAD = fileURLToPath(new URL('../preload/ring.cjs', import.meta.url));

/** How long the Settings Test button rings. */
export const TEST_RING_MS = 3000;
/** A page that does not answer the device list by then is taken to see none but the default. */
const LIST_DEVICES_MS = 5000;
const RING_PAGE_URL = appPageUrl('ring/index.html');

export interface RingSound {
  /** What the sound rule says now; the page hears only changes. */
  follow(command: SoundCommand): void;
  /** The Test button: rings this sound for a few seconds, then back to what the rule says. */
  test(command: SoundCommand): void;
  /** Whether the ring is sounding (the cards are silent meanwhile). */
  playing(): boolean;
  /** The speakers the page can see, the system default first. */
  listDevices(): Promise<RingDevice[]>;
}

/** `onEvent`: what the page reported about the chosen speaker. */
export function createRingSound(log: Logger, onEvent: (event: RingEvent) => void): RingSound {
  let page: BrowserWindow | null = null;
  let ready = false;
  let told: SoundCommand = STOP;
  let rule: SoundCommand = STOP;
  let testTimer: ReturnType<typeof setTimeout> | null = null;
  let lastRequest = 0;
  const listings = new Map<number, (devices: RingDevice[]) => void>();

  function open(): BrowserWindow {
    const win = new BrowserWindow({
      show: false,
      width: 1,
      height: 1,
      skipTaskbar: true,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick', // no middle-click window (the open handler denies it too)
        // The ring must sound with nobody at the keyboard (the agent may have stepped away).
        autoplayPolicy: 'no-user-gesture-required',
        // A hidden page's timers and media must not be throttled.
        backgroundThrottling: false,
      },
    });
    lockDown(win.webContents);
    allowRingDevices(win.webContents, RING_PAGE_URL);
    // Scoped to this page's WebContents: no other window can speak on the ring's channel.
    win.webContents.ipc.on(RING_EVENT_CHANNEL, (event, payload: unknown) => {
      if (event.senderFrame !== win.webContents.mainFrame || !isRingEvent(payload)) return;
      if ('devices' in payload) listings.get(payload.request)?.(payload.devices);
      else onEvent(payload);
    });
    win.on('closed', () => {
      if (page === win) {
        page = null;
        ready = false;
      }
    });
    // app://, as the main window: file:// has its extra privileges fused off in the package.
    win.loadURL(RING_PAGE_URL).then(
      () => {
        ready = true;
        send(told);
        for (const request of listings.keys()) send({ listDevices: request });
      },
      (e: unknown) => log.error(`The ring page did not load: ${(e as Error).message}`),
    );
    return win;
  }

  function send(command: RingCommand): void {
    if (page && ready && !page.isDestroyed()) page.webContents.send(RING_CHANNEL, command);
  }

  function tell(command: SoundCommand): void {
    if (sameSound(told, command)) return;
    told = command;
    // The page is made the first time something plays, and kept (no reload per call).
    if (!page && !('stop' in command)) page = open();
    send(command);
  }

  return {
    follow(command) {
      rule = command;
      if (testTimer === null) tell(command);
    },
    test(command) {
      if (testTimer !== null) clearTimeout(testTimer);
      tell(command);
      testTimer = setTimeout(() => {
        testTimer = null;
        tell(rule);
      }, TEST_RING_MS);
    },
    playing: () => !('stop' in told),
    listDevices() {
      const request = ++lastRequest;
      if (!page) page = open();
      return new Promise<RingDevice[]>((resolve) => {
        const done = (devices: RingDevice[]) => {
          clearTimeout(timer);
          listings.delete(request);
          resolve(ringDeviceChoices(devices));
        };
        const timer = setTimeout(() => {
          log.warn('The ring page did not list the speakers; offering the system default only.');
          done([]);
        }, LIST_DEVICES_MS);
        listings.set(request, done);
        send({ listDevices: request });
      });
    },
  };
}
