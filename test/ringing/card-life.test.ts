import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import {
  NO_CARDS,
  cardAlert,
  cardsInLanguage,
  cardsPolled,
  cardsSettled,
  ringingAlerted,
  type CardLife,
} from '../../main/ringing/card-life.js';
import { SUMMARY_TAG } from '../../main/ringing/cards.js';
import { createTranslator } from '../../main/boundary/i18n/index.js';

const ring = (id: string): Session => ({ id, callState: 'Ringing', fromName: `Caller ${id}` });
const connected = (id: string): Session => ({ id, callState: 'Connected' });
const held = (id: string): Session => ({ id, callState: 'Hold', fromName: `Caller ${id}` });
const tags = (life: CardLife) => life.cards.map((c) => c.tag);

describe('a card lives while its call stays in the state it alerted for', () => {
  it('a ringing alert shows a card; the listing that sees it answered closes it', () => {
    let life = cardsPolled(NO_CARDS, [ring('a')]).life;
    expect(tags(life)).toEqual([]); // no alert yet: a listing alone shows nothing
    const alerted = cardAlert(life, 'a', 'ringing');
    expect(alerted.changes.show.map((c) => c.tag)).toEqual(['ringing:a']);
    life = alerted.life;
    const answered = cardsPolled(life, [connected('a')]);
    expect(answered.changes.close).toEqual(['ringing:a']);
    expect(tags(answered.life)).toEqual([]);
    expect(answered.life.alerted.size).toBe(0);
  });

  it('a call gone from the listing (ended, answered elsewhere) closes its card', () => {
    const life = cardAlert(cardsPolled(NO_CARDS, [ring('a')]).life, 'a', 'ringing').life;
    expect(cardsPolled(life, []).changes.close).toEqual(['ringing:a']);
  });

  it('the missed alert takes the card’s place even before a listing', () => {
    const life = cardAlert(cardsPolled(NO_CARDS, [ring('a')]).life, 'a', 'ringing').life;
    expect(cardsSettled(life, 'a').changes.close).toEqual(['ringing:a']);
    expect(cardsSettled(life, 'zzz').changes).toEqual({ show: [], replace: [], close: [] });
  });

  it('the event’s own copy of the call is used when the listing lacks it', () => {
    const step = cardAlert(NO_CARDS, 'a', 'ringing', ring('a'));
    expect(step.changes.show.map((c) => c.tag)).toEqual(['ringing:a']);
  });

  it('a held card closes on resume; a reminder shows it again', () => {
    let life = cardAlert(cardsPolled(NO_CARDS, [held('h')]).life, 'h', 'held').life;
    const reminder = cardAlert(life, 'h', 'held');
    expect(reminder.changes.replace.map((c) => c.tag)).toEqual(['held:h']);
    life = reminder.life;
    expect(cardsPolled(life, [connected('h')]).changes.close).toEqual(['held:h']);
  });

  it('past three ringing calls one summary stands for all, its count updated in place', () => {
    const ids = ['1', '2', '3', '4', '5'];
    let life = cardsPolled(NO_CARDS, ids.map(ring)).life;
    for (const id of ids) life = cardAlert(life, id, 'ringing').life;
    expect(tags(life)).toEqual([SUMMARY_TAG]);
    expect(life.cards[0]?.title).toBe('5 calls ringing');
    expect(ringingAlerted(life)).toHaveLength(5);
    const fewer = cardsPolled(life, ids.slice(1).map(ring));
    expect(fewer.changes.replace.map((c) => c.title)).toEqual(['4 calls ringing']);
    const none = cardsPolled(fewer.life, []);
    expect(none.changes.close).toEqual([SUMMARY_TAG]);
  });

  it('a call that rang unalerted (alerts off) never gets a card from a listing', () => {
    const life = cardsPolled(NO_CARDS, [ring('a'), ring('b')]).life;
    const step = cardsPolled(life, [ring('a'), ring('b')]);
    expect(step.changes.show).toEqual([]);
  });
});

describe('the cards speak the agent’s language', () => {
  it('a card up is replaced in place, in the new language, when the language changes', () => {
    const life = cardAlert(cardsPolled(NO_CARDS, [ring('a')]).life, 'a', 'ringing').life;
    expect(life.cards[0]?.title).toBe('Caller a is calling');
    const spanish = cardsInLanguage(life, createTranslator('es'));
    expect(spanish.changes.show).toEqual([]);
    expect(spanish.changes.close).toEqual([]);
    expect(spanish.changes.replace.map((c) => [c.tag, c.title, c.body])).toEqual([
      ['ringing:a', 'Caller a está llamando', 'Llamada entrante'],
    ]);
    // Later listings keep the language.
    const polled = cardsPolled(spanish.life, [ring('a'), ring('b')]);
    expect(polled.life.cards[0]?.title).toBe('Caller a está llamando');
  });
});
