// The platform options that make a ringing card stay up like a phone's. Pure: the notifier
// passes these to Electron's Notification (NotificationConstructorOptions fields).
import type { Card } from './cards.js';

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

/**
 * `ringAloud`: the ring sound is playing, so the card itself is silent (no double sound).
 * `openUrl`: the app's protocol link that opens the window on the card's target (Windows Open).
 */
export function cardOptions(
  card: Card,
  platform: CardPlatform,
  ringAloud: boolean,
  openUrl: string,
  soundOn = true,
): CardOptions {
  const base: CardOptions = {
    title: card.title,
    body: card.body,
    silent: ringAloud || !soundOn,
  };
  const stays = card.kind === 'ringing' || card.kind === 'summary';
  if (!stays) return base;
  switch (platform) {
    case 'linux':
      return { ...base, urgency: 'critical' };
    case 'win32':
      return {
        ...base,
        timeoutType: 'never',
        toastXml: incomingCallToast(card, openUrl, base.silent),
      };
    case 'darwin':
      return { ...base, actions: [{ type: 'button', text: 'Open' }] };
  }
}

/** A Windows toast that Windows treats as a call: it stays up and rings until dismissed. */
export function incomingCallToast(card: Card, openUrl: string, silent = false): string {
  const lines = [card.title, card.line === undefined ? card.body : `On ${card.line}`];
  const url = xml(openUrl);
  return (
    `<toast scenario="incomingCall" activationType="protocol" launch="${url}">` +
    `<visual><binding template="ToastGeneric">` +
    lines.map((l) => `<text>${xml(l)}</text>`).join('') +
    `</binding></visual>` +
    `<actions><action content="Open" activationType="protocol" arguments="${url}"/></actions>` +
    // toastXml ignores `silent`: the toast's own audio element says it.
    (silent ? '<audio silent="true"/>' : '') +
    `</toast>`
  );
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
