// The ring's voice: a hidden, sandboxed page of the app's own (renderer/ring) that loops the
// chosen sound. Main has no audio; it only tells the page play or stop, and only on a change.
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { appPageUrl } from './app-url.js';
import { lockDown } from './locked-down.js';
import type { Logger } from '../log.js';
import { STOP, sameSound, type SoundCommand } from '../ringing/sound-rule.js';
import { RING_CHANNEL } from '../boundary/ring-channel.js';

const PRELOAD = fileURLToPath(new URL('../preload/ring.cjs', import.meta.url));

/** How long the Settings Test button rings. */
export const TEST_RING_MS = 3000;

export interface RingSound {
  /** What the sound rule says now; the page hears only changes. */
  follow(command: SoundCommand): void;
  /** The Test button: rings this sound for a few seconds, then back to what the rule says. */
  test(command: SoundCommand): void;
  /** Whether the ring is sounding (the cards are silent meanwhile). */
  playing(): boolean;
}

export function createRingSound(log: Logger): RingSound {
  let page: BrowserWindow | null = null;
  let ready = false;
  let told: SoundCommand = STOP;
  let rule: SoundCommand = STOP;
  let testTimer: ReturnType<typeof setTimeout> | null = null;

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
    win.on('closed', () => {
      if (page === win) {
        page = null;
        ready = false;
      }
    });
    // app://, as the main window: file:// has its extra privileges fused off in the package.
    win.loadURL(appPageUrl('ring/index.html')).then(
      () => {
        ready = true;
        send(told);
      },
      (e: unknown) => log.error(`The ring page did not load: ${(e as Error).message}`),
    );
    return win;
  }

  function send(command: SoundCommand): void {
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
  };
}
