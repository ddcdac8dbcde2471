import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import {
  cardOptions,
  incomingCallToast,
  toastActivation,
  toastArguments,
  type CardContext,
  type CardPlatform,
} from '../../main/ringing/card-options.js';
import {
  applyChanges,
  cardChanges,
  wantedCards,
  SUMMARY_TAG,
  type Card,
} from '../../main/ringing/cards.js';

const ring = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  callState: 'Ringing',
  fromName: `Caller ${id}`,
  toAddress: 'Sales',
  ...extra,
});
const answered = (id: string): Session => ({ id, callState: 'Connected', answeredByName: 'Bo' });
const held = (id: string): Session => ({ id, callState: 'Hold', fromName: `Caller ${id}` });

/** Runs the sessions seen at each poll through the rule, as the notifier would. */
function play(polls: Session[][]): { cards: Card[]; steps: ReturnType<typeof cardChanges>[] } {
  let cards: Card[] = [];
  const steps = polls.map((sessions) => {
    const step = cardChanges(cards, sessions);
    cards = applyChanges(cards, step);
    return step;
  });
  return { cards, steps };
}

describe('call cards', () => {
  it('one card per ringing call, opening that call', () => {
    const { steps } = play([[ring('a'), ring('b')]]);
    expect(steps[0]?.show.map((c) => c.target)).toEqual([
      { kind: 'call', sessionId: 'a' },
      { kind: 'call', sessionId: 'b' },
    ]);
    expect(steps[0]?.show[0]?.title).toBe('Caller a is calling');
    expect(steps[0]?.show[0]?.body).toBe('Incoming call on Sales');
  });

  it('nothing changes while the same call keeps ringing', () => {
    const { steps } = play([[ring('a')], [ring('a')]]);
    expect(steps[1]).toEqual({ show: [], replace: [], close: [] });
  });

  it('closes the card when the call is answered, ends, or is gone (missed)', () => {
    for (const next of [[answered('a')], [{ ...ring('a'), ended: true }], []]) {
      const { steps, cards } = play([[ring('a')], next]);
      expect(steps[1]?.close).toEqual(['ringing:a']);
      expect(cards).toEqual([]);
    }
  });

  it('past three ringing calls, one summary card replaced in place as the count changes', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => ring(id));
    const { steps, cards } = play([five.slice(0, 2), five, five.slice(0, 4), five.slice(0, 1)]);
    expect(steps[1]?.show.map((c) => c.title)).toEqual(['5 calls ringing']);
    expect(steps[1]?.show[0]?.target).toEqual({ kind: 'calls' });
    expect(steps[1]?.close).toEqual(['ringing:a', 'ringing:b']);
    expect(steps[2]).toEqual({
      show: [],
      replace: [expect.objectContaining({ tag: SUMMARY_TAG, title: '4 calls ringing' })],
      close: [],
    });
    expect(steps[3]?.close).toEqual([SUMMARY_TAG]);
    expect(cards.map((c) => c.tag)).toEqual(['ringing:a']);
  });

  it('a held card closes when the call is resumed or ends', () => {
    const { steps } = play([[held('h')], [answered('h')]]);
    expect(steps[0]?.show[0]?.kind).toBe('held');
    expect(steps[1]?.close).toEqual(['held:h']);
  });

  it('an outgoing call ringing at the other end has no card', () => {
    expect(wantedCards([ring('o', { direction: 'Outgoing' })])).toEqual([]);
  });

  it('property: after any polls the cards up are exactly the ones wanted, never more than 3 ringing', () => {
    const session = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      callState: fc.constantFrom('Ringing', 'Connected', 'Hold', 'Disconnected'),
      ended: fc.boolean(),
    });
    const poll = fc.uniqueArray(session, { selector: (s) => s.id, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(poll, { minLength: 1, maxLength: 8 }), (polls) => {
        const { cards } = play(polls);
        const last = polls[polls.length - 1] ?? [];
        const tags = (cs: Card[]) => cs.map((c) => c.tag).sort();
        expect(tags(cards)).toEqual(tags(wantedCards(last)));
        expect(cards.filter((c) => c.kind !== 'held').length).toBeLessThanOrEqual(3);
        expect(new Set(cards.map((c) => c.tag)).size).toBe(cards.length);
      }),
    );
  });
});

describe('card options per platform', () => {
  const card = wantedCards([ring('a&b', { fromName: 'Tom & "Jerry" <x>' })])[0] as Card;
  const at = (platform: CardPlatform, over: Partial<CardContext> = {}): CardContext => ({
    platform,
    ringAloud: false,
    soundOn: true,
    declinable: false,
    ...over,
  });

  it('Linux: critical urgency, so it stays up; silent while the ring sound plays', () => {
    expect(cardOptions(card, at('linux', { ringAloud: true }))).toMatchObject({
      urgency: 'critical',
      silent: true,
    });
    expect(cardOptions(card, at('linux')).silent).toBe(false);
    expect(cardOptions(card, at('linux', { soundOn: false })).silent).toBe(true);
  });

  it('Windows: never times out, an incomingCall toast with an Open button, XML-escaped', () => {
    const o = cardOptions(card, at('win32'));
    expect(o.timeoutType).toBe('never');
    expect(o.silent).toBe(false);
    expect(o.toastXml).toContain('<toast scenario="incomingCall" activationType="foreground"');
    expect(o.toastXml).toContain('launch="evo=open&amp;session=a%26b"');
    expect(o.toastXml).toContain(
      '<actions><action content="Open" activationType="foreground" arguments="evo=open&amp;session=a%26b"/></actions>',
    );
    expect(o.toastXml).toContain('Tom &amp; &quot;Jerry&quot; &lt;x&gt; is calling');
    expect(o.toastXml).not.toContain('<x>');
  });

  it('Windows: a Decline button only when declining is offered', () => {
    const o = cardOptions(card, at('win32', { declinable: true }));
    expect(o.toastXml).toContain(
      '<action content="Decline" activationType="foreground" arguments="evo=decline&amp;session=a%26b"/>',
    );
    const summary = wantedCards(['1', '2', '3', '4'].map((id) => ring(id)))[0] as Card;
    expect(cardOptions(summary, at('win32', { declinable: true })).toastXml).not.toContain(
      'Decline',
    );
  });

  it('Windows: the toast is silent while the ring sound plays', () => {
    expect(incomingCallToast(card, true)).toContain('<audio silent="true"/>');
    expect(incomingCallToast(card, false)).not.toContain('<audio');
  });

  it('Windows: activation arguments read back to what the button meant; others are ignored', () => {
    expect(toastActivation(toastArguments('open', card.target))).toEqual({
      action: 'open',
      target: { kind: 'call', sessionId: 'a&b' },
    });
    expect(toastActivation(toastArguments('decline', card.target))?.action).toBe('decline');
    expect(toastActivation(toastArguments('open', { kind: 'calls' }))).toEqual({
      action: 'open',
      target: { kind: 'calls' },
    });
    expect(toastActivation('evo=decline')).toBeNull();
    expect(toastActivation('type=click&tag=x')).toBeNull();
  });

  it('macOS: an Open action, and Decline when offered', () => {
    expect(cardOptions(card, at('darwin', { ringAloud: true })).actions).toEqual([
      { type: 'button', text: 'Open' },
    ]);
    expect(cardOptions(card, at('darwin', { declinable: true })).actions).toEqual([
      { type: 'button', text: 'Open' },
      { type: 'button', text: 'Decline' },
    ]);
  });

  it('a Look up button (the screen pop) when offered, on the platforms with buttons', () => {
    expect(cardOptions(card, at('darwin', { declinable: true, lookUp: true })).actions).toEqual([
      { type: 'button', text: 'Open' },
      { type: 'button', text: 'Decline' },
      { type: 'button', text: 'Look up' },
    ]);
    const xml = cardOptions(card, at('win32', { lookUp: true })).toastXml;
    expect(xml).toContain(
      '<action content="Look up" activationType="foreground" arguments="evo=look-up&amp;session=a%26b"/>',
    );
    expect(toastActivation(toastArguments('look-up', card.target))).toEqual({
      action: 'look-up',
      target: { kind: 'call', sessionId: 'a&b' },
    });
    expect(cardOptions(card, at('win32')).toastXml).not.toContain('Look up');
    const summary = wantedCards(['1', '2', '3', '4'].map((id) => ring(id)))[0] as Card;
    expect(cardOptions(summary, at('darwin', { lookUp: true })).actions).toEqual([
      { type: 'button', text: 'Open' },
    ]);
  });

  it('a held card is an ordinary one on every platform', () => {
    const h = wantedCards([held('h')])[0] as Card;
    for (const p of ['linux', 'win32', 'darwin'] as const)
      expect(cardOptions(h, at(p, { declinable: true }))).toEqual({
        title: h.title,
        body: h.body,
        silent: false,
      });
  });
});
