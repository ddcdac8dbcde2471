// Which call cards are up. Pure: from the cards shown last time and the calls now ringing or
// held, the cards to show, replace in place and close. A card's life follows its call's.
import type { Session } from '../boundary/session.js';
import { callerLabel, isOutgoing, lineLabel, sessionPhase } from '../boundary/session-reading.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

const english = createTranslator('en');

/** Past this many ringing calls, one summary card stands for all of them. */
export const MAX_RINGING_CARDS = 3;
export const SUMMARY_TAG = 'ringing-summary';

/** What a click opens: a call, the calls list, or the missed list (the while-away summary). */
export type CardTarget =
  { kind: 'call'; sessionId: string } | { kind: 'calls' } | { kind: 'missed' };

export interface Card {
  /** Also the notification tag: a replacement keeps it. */
  tag: string;
  kind: 'ringing' | 'held' | 'summary';
  title: string;
  body: string;
  caller?: string;
  line?: string;
  target: CardTarget;
}

export interface CardChanges {
  show: Card[];
  /** Same tag, new words (the summary's count). */
  replace: Card[];
  /** Tags of cards whose call is no longer in that state. */
  close: string[];
}

/** The cards that should be up for these sessions. */
export function wantedCards(sessions: readonly Session[], t: Translate = english): Card[] {
  const incoming = sessions.filter((s) => !isOutgoing(s));
  const ringing = incoming.filter((s) => sessionPhase(s) === 'ringing');
  const held = incoming.filter((s) => sessionPhase(s) === 'held');
  const cards: Card[] =
    ringing.length > MAX_RINGING_CARDS
      ? [summaryCard(ringing.length, t)]
      : ringing.map((s) => ringingCard(s, t));
  return [...cards, ...held.map((s) => heldCard(s, t))];
}

/** From the cards up to the cards wanted: what to show, replace and close. */
export function cardChanges(
  previous: readonly Card[],
  sessions: readonly Session[],
  t: Translate = english,
): CardChanges {
  const wanted = wantedCards(sessions, t);
  const before = new Map(previous.map((c) => [c.tag, c]));
  const after = new Set(wanted.map((c) => c.tag));
  const show: Card[] = [];
  const replace: Card[] = [];
  for (const card of wanted) {
    const old = before.get(card.tag);
    if (old === undefined) show.push(card);
    else if (old.kind !== card.kind || old.title !== card.title || old.body !== card.body)
      replace.push(card);
  }
  const close = previous.filter((c) => !after.has(c.tag)).map((c) => c.tag);
  return { show, replace, close };
}

/** The cards up after applying the changes. */
export function applyChanges(previous: readonly Card[], changes: CardChanges): Card[] {
  const closed = new Set(changes.close);
  const replaced = new Map(changes.replace.map((c) => [c.tag, c]));
  const kept = previous.filter((c) => !closed.has(c.tag)).map((c) => replaced.get(c.tag) ?? c);
  return [...kept, ...changes.show];
}

function ringingCard(s: Session, t: Translate): Card {
  const caller = callerLabel(s, t('calls.unknownCaller'));
  const line = lineLabel(s);
  return {
    tag: `ringing:${s.id}`,
    kind: 'ringing',
    title: t('card.ringing.title', { caller }),
    body: line === undefined ? t('card.ringing.body') : t('card.ringing.bodyOnLine', { line }),
    caller,
    ...(line === undefined ? {} : { line }),
    target: { kind: 'call', sessionId: s.id },
  };
}

function heldCard(s: Session, t: Translate): Card {
  const caller = callerLabel(s, t('calls.unknownCaller'));
  return {
    tag: `held:${s.id}`,
    kind: 'held',
    title: t('card.held.title', { caller }),
    body: t('card.held.body'),
    caller,
    target: { kind: 'call', sessionId: s.id },
  };
}

function summaryCard(count: number, t: Translate): Card {
  return {
    tag: SUMMARY_TAG,
    kind: 'summary',
    title: t('card.summary.title', { count }),
    body: t('card.summary.body'),
    target: { kind: 'calls' },
  };
}
