// From the engine to the agent: each watch event and poll result updates the app state, and the
// notify policy decides which become notifications. No Electron here; the notifier is passed in.
import {
  NO_CARDS,
  cardAlert,
  cardsPolled,
  cardsInLanguage,
  cardsSettled,
  type CardLife,
  type CardStep,
} from '../ringing/card-life.js';
import type { CardChanges } from '../ringing/cards.js';
import { failureStatus } from '../watch/failure.js';
import type { PollResult } from '../watch/watcher.js';
import type { SessionEventKind, WatchEvent } from '../watch/events.js';
import { createTranslator } from '../boundary/i18n/index.js';
import { withPoll, withWatchEvent, type AppStore } from './app-state.js';
import {
  QUIET_CONNECTION,
  connectionNotice,
  connectionAlertsOn,
  connectionNotification,
  connectionWatch,
  notificationFor,
} from './notify-policy.js';

/** A desktop notification, as the notifier shows it. */
export interface Alert {
  title: string;
  body: string;
  silent: boolean;
  tag: string;
  /** Clicking opens the window on this call; without it, on the calls list. */
  sessionId?: string;
  /** Clicking opens the window on this page instead (`/missed`). */
  route?: string;
}

/** Shows notifications (Electron's in the app, a recorder in tests). */
export interface Notifier {
  show(alert: Alert): void;
  /** Call cards (ringing, held, the summary) to show, replace and close. */
  cards(changes: CardChanges): void;
  closeAll(): void;
}

export interface Alerts {
  onEvent(event: WatchEvent): void;
  onPoll(result: PollResult): void;
  /** The calls with a card up (the ringing window and sound read it). */
  cardLife(): CardLife;
  /** Signed out: every card is gone and no call is followed any more. */
  closeAll(): void;
}

/**
 * `silenced` says an event only reports what the agent just did (call-actions/suppress.ts): it
 * is asked here, where events become alerts and the missed list, and not in the engine,
 * whose memory (and ledger, and `watch` command) stays about the calls alone.
 */
export function createAlerts(
  store: AppStore,
  notifier: Notifier,
  now: () => number,
  silenced: (event: { event: SessionEventKind; sessionId: string }) => boolean = () => false,
): Alerts {
  let connection = QUIET_CONNECTION;
  let locale = store.get().locale;
  let life: CardLife = { ...NO_CARDS, t: createTranslator(locale) };
  const apply = (step: CardStep): void => {
    life = step.life;
    const { show, replace, close } = step.changes;
    if (show.length + replace.length + close.length > 0) notifier.cards(step.changes);
  };
  // The agent picked another language: the cards up say it at once.
  store.subscribe((state) => {
    if (state.locale === locale) return;
    locale = state.locale;
    apply(cardsInLanguage(life, createTranslator(locale)));
  });
  return {
    cardLife: () => life,
    closeAll() {
      life = { ...NO_CARDS, t: createTranslator(locale) };
      notifier.closeAll();
    },
    onEvent(event) {
      // What the agent just did is not news (a declined call is not missed, a call they held
      // is not "held"): no card, no alert, no missed entry; the call's card gives way.
      if ('sessionId' in event && silenced(event)) {
        apply(cardsSettled(life, event.sessionId));
        return;
      }
      const { settings, alertsPausedUntil } = store.get();
      const decision = notificationFor(event, settings, alertsPausedUntil, now());
      // Cards first, so the state pushed next already knows which calls have one.
      if ('sessionId' in event) {
        if (decision.show && (event.event === 'ringing' || event.event === 'held')) {
          apply(cardAlert(life, event.sessionId, event.event, event.session));
        } else if (event.event !== 'ringing' && event.event !== 'held') {
          // Missed, answered (here or elsewhere), ended: the call's card gives way.
          apply(cardsSettled(life, event.sessionId));
        }
      }
      store.update((s) => withWatchEvent(s, event));
      if (!decision.show) return;
      if (event.event === 'ringing' || event.event === 'held') return;
      notifier.show({
        title: event.title,
        body: event.body,
        silent: decision.silent,
        tag: decision.tag,
        ...('sessionId' in event ? { sessionId: event.sessionId } : {}),
      });
    },
    onPoll(result) {
      if ('sessions' in result) {
        apply(cardsPolled(life, result.sessions));
        store.update((s) => withPoll(s, result.at, result.sessions));
      }
      const { settings, alertsPausedUntil } = store.get();
      const status = 'sessions' in result ? 'online' : failureStatus(result.error.kind);
      const enabled = connectionAlertsOn(settings, alertsPausedUntil, result.at);
      const step = connectionWatch(connection, status, result.at, enabled);
      connection = step.next;
      if (!step.notify) return;
      const decision = connectionNotification(settings);
      if (!decision.show) return;
      notifier.show({
        ...connectionNotice(step.notify, createTranslator(locale)),
        silent: decision.silent,
        tag: decision.tag,
      });
    },
  };
}
