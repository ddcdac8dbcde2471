// The platform options that make a ringing card stay up like a phone's. Pure: the notifier
// passes these to Electron's Notification (NotificationConstructorOptions fields).
import type { Card, CardTarget } from './cards.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

const english = createTranslator('en');

export type CardPlatform = 'linux' | 'win32' | 'darwin';

export interface CardOptions {
  title: string;
  body: string;
  silent: boolean;
  urgency?: 'normal' | 'critical' | 'low';
  timeoutType?: 'default' | 'never';
  toastXml?: string;
  actions?: { type: 'button'; text: string }[];
}

export interface CardContext {
  platform: CardPlatform;
  /** The ring sound is playing, so the card itself is silent (no double sound). */
  ringAloud: boolean;
  /** The agent's "Play a sound" setting. */
  soundOn: boolean;
  /** A Decline button is offered (only when declining a call can really be done). */
  declinable: boolean;
  /** The language of the buttons (English when not given). */
  t?: Translate;
  /** A "Look up" button is offered (a screen pop address is set and the app can open it). */
  lookUp?: boolean;
}

/** What a card's buttons do, in the order of `actions` (macOS reports the index). */
export type CardAction = 'open' | 'decline' | 'look-up';

export function cardOptions(card: Card, context: CardContext): CardOptions {
  const base: CardOptions = {
    title: card.title,
    body: card.body,
    silent: context.ringAloud || !context.soundOn,
  };
  const stays = card.kind === 'ringing' || card.kind === 'summary';
  if (!stays) return base;
  switch (context.platform) {
    case 'linux':
      return { ...base, urgency: 'critical' };
    case 'win32':
      return {
        ...base,
        timeoutType: 'never',
        toastXml: incomingCallToast(
          card,
          base.silent,
          context.declinable,
          context.lookUp,
          context.t,
        ),
      };
    case 'darwin':
      return {
        ...base,
        actions: cardActions(card, context.declinable, context.lookUp).map((a) => ({
          type: 'button',
          text: buttonLabel(a, context.t),
        })),
      };
  }
}

/**
 * The buttons of a card, in order: Open, then for one ringing call Decline and Look up (the
 * caller's screen pop) when offered.
 */
export function cardActions(card: Card, declinable: boolean, lookUp = false): CardAction[] {
  const oneCall = card.kind === 'ringing' && card.target.kind === 'call';
  const actions: CardAction[] = ['open'];
  if (oneCall && declinable) actions.push('decline');
  if (oneCall && lookUp) actions.push('look-up');
  return actions;
}

/**
 * A Windows toast that Windows treats as a call: it stays up until acted on. Clicks and buttons
 * activate the app in the foreground with `toastArguments`, which Electron hands back through
 * Notification.handleActivation (so no protocol handler has to be registered).
 */
export function incomingCallToast(
  card: Card,
  silent = false,
  declinable = false,
  lookUp = false,
  t: Translate = english,
): string {
  const lines = [
    card.title,
    card.line === undefined ? card.body : t('incoming.line', { line: card.line }),
  ];
  const button = (action: CardAction, label: string) =>
    `<action content="${xml(label)}" activationType="foreground" ` +
    `arguments="${xml(toastArguments(action, card.target))}"/>`;
  return (
    `<toast scenario="incomingCall" activationType="foreground" ` +
    `launch="${xml(toastArguments('open', card.target))}">` +
    `<visual><binding template="ToastGeneric">` +
    lines.map((l) => `<text>${xml(l)}</text>`).join('') +
    `</binding></visual>` +
    `<actions>` +
    cardActions(card, declinable, lookUp)
      .map((a) => button(a, buttonLabel(a, t)))
      .join('') +
    `</actions>` +
    // toastXml ignores `silent`: the toast's own audio element says it.
    (silent ? '<audio silent="true"/>' : '') +
    `</toast>`
  );
}

function buttonLabel(action: CardAction, t: Translate = english): string {
  if (action === 'open') return t('incoming.open');
  return action === 'decline' ? t('card.decline') : t('card.lookUp');
}

/** `evo=open&session=<id>`, `evo=decline&session=<id>` (or look-up), or `evo=open` for the list. */
export function toastArguments(action: CardAction, target: CardTarget): string {
  const args = new URLSearchParams({ evo: action });
  if (target.kind === 'call') args.set('session', target.sessionId);
  return args.toString();
}

/** What a toast activation asks for; null for arguments that are not ours. */
export function toastActivation(raw: string): { action: CardAction; target: CardTarget } | null {
  const args = new URLSearchParams(raw);
  const action = args.get('evo');
  if (action !== 'open' && action !== 'decline' && action !== 'look-up') return null;
  const sessionId = args.get('session');
  if (sessionId === null || sessionId === '') {
    return action === 'open' ? { action, target: { kind: 'calls' } } : null;
  }
  return { action, target: { kind: 'call', sessionId } };
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
