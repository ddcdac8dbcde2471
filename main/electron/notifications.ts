// Desktop notifications. Plain alerts (missed, connection) are one per tag: a newer one for the
// same tag closes the older. Call cards (ringing, held, the summary) are shown, replaced and
// closed as app/alerts says (its card life follows the calls), with each platform's options.
import { Notification } from 'electron';
import type { Notifier } from '../app/alerts.js';
import {
  cardActions,
  cardOptions,
  toastActivation,
  type CardContext,
  type CardPlatform,
} from '../ringing/card-options.js';
import type { Card, CardTarget } from '../ringing/cards.js';

export interface NotifierOptions {
  /** A card or alert was clicked (or its Open button): the window on that call, or the list. */
  onOpen(target: CardTarget): void;
  /** Decline on a ringing card; without it no Decline button is shown. */
  onDecline?: (sessionId: string) => void;
  /** "Look up" on a ringing card (the caller's screen pop); shown when `context` says lookUp. */
  onLookUp?: (sessionId: string) => void;
  /**
   * Whether the ring sound plays now, the agent's sound setting, whether a screen pop address
   * is set, and the agent's language, read when a card shows.
   */
  context(): Pick<CardContext, 'ringAloud' | 'soundOn' | 'lookUp' | 't'>;
  /** A card could not be shown (the OS said so): the agent must be told another way. */
  onFailed(error: string): void;
}

export interface CardNotifier extends Notifier {
  /** Notification.isSupported(): false means no card will ever show. */
  supported(): boolean;
}

export function cardPlatform(platform: NodeJS.Platform): CardPlatform {
  return platform === 'win32' || platform === 'darwin' ? platform : 'linux';
}

export function createNotifier(options: NotifierOptions): CardNotifier {
  const platform = cardPlatform(process.platform);
  const shown = new Map<string, Notification>();
  const supported = () => Notification.isSupported();

  // Windows hands toast clicks and buttons to the app with the toast's arguments, whether or not
  // the Notification object still lives (Electron docs: Notification.handleActivation).
  if (platform === 'win32') {
    Notification.handleActivation((details) => {
      const activation = toastActivation(details.arguments);
      if (!activation) return;
      const { action, target } = activation;
      if (action === 'decline' && target.kind === 'call') options.onDecline?.(target.sessionId);
      else if (action === 'look-up' && target.kind === 'call') options.onLookUp?.(target.sessionId);
      else options.onOpen(target);
    });
  }

  function put(tag: string, card: Notification, target: CardTarget, handled: boolean): void {
    shown.get(tag)?.close();
    if (!handled) card.on('click', () => options.onOpen(target));
    card.on('failed', (_event, error) => options.onFailed(error));
    card.on('close', () => {
      if (shown.get(tag) === card) shown.delete(tag);
    });
    // Kept in the map also so it is not garbage-collected (which would drop its click).
    shown.set(tag, card);
    card.show();
  }

  function showCard(card: Card): void {
    const declinable = options.onDecline !== undefined;
    const context = options.context();
    const lookUp = options.onLookUp !== undefined && context.lookUp === true;
    const notification = new Notification(
      cardOptions(card, { platform, declinable, ...context, lookUp }),
    );
    const actions = cardActions(card, declinable, lookUp);
    notification.on('action', (details) => {
      const action = actions[details.actionIndex];
      if (action === 'decline' && card.target.kind === 'call') {
        options.onDecline?.(card.target.sessionId);
      } else if (action === 'look-up' && card.target.kind === 'call') {
        options.onLookUp?.(card.target.sessionId);
      } else if (action === 'open') options.onOpen(card.target);
    });
    // A Windows call toast reports its clicks through handleActivation only.
    const toast = platform === 'win32' && (card.kind === 'ringing' || card.kind === 'summary');
    put(card.tag, notification, card.target, toast);
  }

  return {
    supported,
    show(alert) {
      if (!supported()) return;
      const target: CardTarget =
        alert.sessionId === undefined
          ? { kind: 'calls' }
          : { kind: 'call', sessionId: alert.sessionId };
      const card = new Notification({ title: alert.title, body: alert.body, silent: alert.silent });
      put(alert.tag, card, alert.route === '/missed' ? { kind: 'missed' } : target, false);
    },
    cards(changes) {
      for (const tag of changes.close) {
        shown.get(tag)?.close();
        shown.delete(tag);
      }
      if (!supported()) return;
      // A replaced card is shown anew under its tag (no platform updates a card in place).
      for (const card of [...changes.replace, ...changes.show]) showCard(card);
    },
    closeAll() {
      for (const card of shown.values()) card.close();
      shown.clear();
    },
  };
}
