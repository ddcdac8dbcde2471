// Which calls have a card, over time. Pure: an alert the notify policy let through gives its call
// a card; each listing closes the cards of calls no longer in that state (answered here or
// elsewhere, ended, gone); a later alert for the call (missed) takes its card's place.
import type { Session } from '../boundary/session.js';
import { sessionPhase } from '../boundary/session-reading.js';
import { applyChanges, cardChanges, type Card, type CardChanges } from './cards.js';
import type { Translate } from '../boundary/i18n/index.js';

export type CardCall = 'ringing' | 'held';

export interface CardLife {
  /** The calls the agent was alerted to, and in which state: a card lives while it lasts. */
  alerted: ReadonlyMap<string, CardCall>;
  cards: readonly Card[];
  /** The last listing. */
  sessions: readonly Session[];
  /** The language of the cards (English when not set); a card in another is replaced. */
  t?: Translate;
}

export interface CardStep {
  life: CardLife;
  changes: CardChanges;
}

export const NO_CARDS: CardLife = { alerted: new Map(), cards: [], sessions: [] };

/**
 * A ringing or held alert for a call. `session` is the event's copy, used when the listing does
 * not hold the call (the card must not be lost). A card already up is shown again (a held
 * reminder alerts again).
 */
export function cardAlert(
  life: CardLife,
  sessionId: string,
  kind: CardCall,
  session?: Session,
): CardStep {
  const alerted = new Map(life.alerted).set(sessionId, kind);
  const listed = life.sessions.some((s) => s.id === sessionId);
  const sessions = listed || session === undefined ? life.sessions : [...life.sessions, session];
  const step = follow({ ...life, alerted, sessions });
  // Its card was up already and stays: shown again (unless already replaced with new words).
  const tag = `${kind}:${sessionId}`;
  const again = step.life.cards.find((c) => c.tag === tag);
  const wasUp = life.cards.some((c) => c.tag === tag);
  if (!again || !wasUp || step.changes.replace.some((c) => c.tag === tag)) return step;
  return { ...step, changes: { ...step.changes, replace: [...step.changes.replace, again] } };
}

/** A new listing: the calls alerted to that left their state lose their card. */
export function cardsPolled(life: CardLife, sessions: readonly Session[]): CardStep {
  const alerted = new Map<string, CardCall>();
  for (const s of sessions) {
    const kind = life.alerted.get(s.id);
    if (kind !== undefined && sessionPhase(s) === kind) alerted.set(s.id, kind);
  }
  return follow({ ...life, alerted, sessions });
}

/** Another alert for the call (missed, answered elsewhere): its card gives way. */
export function cardsSettled(life: CardLife, sessionId: string): CardStep {
  if (!life.alerted.has(sessionId)) return { life, changes: { show: [], replace: [], close: [] } };
  const alerted = new Map(life.alerted);
  alerted.delete(sessionId);
  return follow({ ...life, alerted });
}

/** The calls still ringing whose card is up (the summary counts for all of them). */
export function ringingAlerted(life: CardLife): Session[] {
  return life.sessions.filter(
    (s) => life.alerted.get(s.id) === 'ringing' && sessionPhase(s) === 'ringing',
  );
}

/** The cards speak `t` from now on: the ones up are replaced with their new words. */
export function cardsInLanguage(life: CardLife, t: Translate): CardStep {
  return follow({ ...life, t });
}

function follow(life: CardLife): CardStep {
  const followed = life.sessions.filter((s) => life.alerted.get(s.id) === sessionPhase(s));
  const changes = cardChanges(life.cards, followed, life.t);
  return { life: { ...life, cards: applyChanges(life.cards, changes) }, changes };
}
