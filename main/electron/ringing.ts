// Ringing, wired: the call cards (electron/notifications), the ring sound (electron/ring-sound),
// the app's own incoming-call window (electron/incoming-window) and the global shortcut. The
// decisions are the pure rules in ringing/; this module only feeds them the app state.
import { createTranslator } from '../boundary/i18n/index.js';
import type { WebFrameMain } from 'electron';
import { IPC, type AppState, type RingDevice } from '../boundary/contract.js';
import type { Alerts } from '../app/alerts.js';
import type { AppStore } from '../app/app-state.js';
import type { WindowStates } from '../app/window-state.js';
import { isPaused } from '../boundary/alerts-paused.js';
import type { Logger } from '../log.js';
import { NO_CARDS, ringingAlerted, type CardLife } from '../ringing/card-life.js';
import type { CardTarget } from '../ringing/cards.js';
import { incomingWindowShows } from '../ringing/incoming-rule.js';
import { missingRingDevice } from '../ringing/ring-devices.js';
import { ringSoundId, ringingCalls, soundFor } from '../ringing/sound-rule.js';
import { createIncomingWindow } from './incoming-window.js';
import { createNotifier, type CardNotifier } from './notifications.js';
import { createRingSound } from './ring-sound.js';
import { createShortcut } from './shortcut.js';

export interface RingingOptions {
  store: AppStore;
  /** What the incoming-call window is sent of each state (the main window's too). */
  windowState: WindowStates;
  log: Logger;
  /** Opens the main window on a call, or on the calls list. */
  open(target: CardTarget): void;
  /** Declines a ringing call; without it the cards have no Decline button. */
  decline?: (sessionId: string) => void;
  /** Opens a call's screen pop; without it the cards have no Look up button. */
  lookUp?: (sessionId: string) => void;
}

export interface Ringing {
  notifier: CardNotifier;
  /** The alerts whose card life the sound, window and shortcut follow. */
  follow(alerts: Alerts): void;
  /** Called with every new app state. */
  update(state: AppState): void;
  /** Registers the shortcut; throws an agent-readable Error and keeps the old one if refused. */
  useShortcut(keys: string): void;
  testSound(): void;
  /** The speakers the ring can play on, for Settings' picker. */
  listDevices(): Promise<RingDevice[]>;
  /** The incoming-call window's frame may use the bridge like the main window's. */
  isOurFrame(frame: WebFrameMain | null | undefined): boolean;
}

export function createRinging(options: RingingOptions): Ringing {
  const { store, log } = options;
  const sound = createRingSound(log, (event) =>
    store.update((state) => {
      const missing = missingRingDevice(state.ringDeviceMissing, state.settings.ringDevice, event);
      if (missing === state.ringDeviceMissing) return state;
      const next = { ...state };
      if (missing === undefined) delete next.ringDeviceMissing;
      else next.ringDeviceMissing = missing;
      return next;
    }),
  );
  const incoming = createIncomingWindow(() =>
    createTranslator(options.store.get().locale)('incoming.windowTitle'),
  );
  let cardLife: () => CardLife = () => NO_CARDS;
  /** A card reported `failed` while calls ring: the window stands in until they stop. */
  let cardFailed = false;

  const notifier = createNotifier({
    onOpen: options.open,
    ...(options.decline ? { onDecline: options.decline } : {}),
    ...(options.lookUp ? { onLookUp: options.lookUp } : {}),
    context: () => ({
      ringAloud: sound.playing(),
      soundOn: store.get().settings.sound,
      lookUp: store.get().settings.screenPop.url !== '',
      t: createTranslator(store.get().locale),
    }),
    onFailed(error) {
      log.warn(`A notification could not be shown (${error}); using the incoming-call window.`);
      cardFailed = true;
      update(store.get());
    },
  });

  const shortcut = createShortcut(
    () => {
      const state = store.get();
      const call = ringingAlerted(cardLife())[0] ?? ringingCalls(state.sessions)[0];
      options.open(call ? { kind: 'call', sessionId: call.id } : { kind: 'calls' });
    },
    () => createTranslator(store.get().locale),
  );

  function update(state: AppState): void {
    const { settings } = state;
    sound.follow(
      soundFor(
        {
          ringUntilAnswered: settings.ringUntilAnswered,
          ringSound: settings.ringSound,
          ringVolume: settings.ringVolume,
          alertsPaused: isPaused(state.alertsPausedUntil, Date.now()),
          ringingAlertsOn: settings.alerts.ringing,
          ringDevice: settings.ringDevice,
        },
        state.sessions,
      ),
    );
    const ringing = ringingAlerted(cardLife()).length;
    if (ringing === 0) cardFailed = false;
    const cardsFail = cardFailed || !notifier.supported();
    incoming.set(incomingWindowShows(settings.incomingWindow, ringing, cardsFail));
    incoming.send(IPC.state, options.windowState(state));
  }

  return {
    notifier,
    follow(alerts) {
      cardLife = () => alerts.cardLife();
    },
    update,
    useShortcut: (keys) => shortcut.use(keys),
    testSound() {
      const { ringSound, ringVolume, ringDevice } = store.get().settings;
      sound.test({ play: ringSoundId(ringSound), volume: ringVolume, device: ringDevice });
    },
    listDevices: () => sound.listDevices(),
    isOurFrame: (frame) => incoming.isOurFrame(frame),
  };
}
