import { describe, expect, it } from 'vitest';
import { LOOKUP_TIMEOUT_MS } from '../../main/watch/session-rules.js';
import { call, connected, ended, held, queued, ringing, Watch } from './decide-script.js';

/** A ring that then leaves the list (two answers without it). */
function ringThenVanish(w: Watch, id = 's1'): void {
  w.poll([ringing(id)]);
  w.poll([]);
  w.poll([]);
}

describe('missed', () => {
  it('wasMissed turning true is a missed call, once', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    const { events } = w.poll([ringing('s1', { wasMissed: true })]);
    w.poll([call('s1', { wasMissed: true })]);
    expect(w.said()).toEqual(['ringing s1', 'missed s1']);
    expect(events.find((e) => e.event === 'missed')).toMatchObject({
      title: 'Missed call',
      body: 'Jane Doe (+15035550100) → Support Line',
    });
  });

  it('a ring that vanishes asks for one lookup instead of deciding', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([]);
    const gone = w.poll([]);
    expect(gone.lookups).toEqual(['s1']);
    expect(gone.events).toEqual([]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual(['s1']);
  });

  it('the lookup says nobody answered: missed, then ended', () => {
    const w = new Watch();
    ringThenVanish(w);
    const { events } = w.lookup('s1', ended('s1'));
    expect(events.map((e) => e.event)).toEqual(['missed', 'ended']);
  });

  it('the lookup marks wasMissed: missed, even though it reached Connected (voicemail)', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.lookup('s1', ended('s1', { callState: 'Connected', wasMissed: true }));
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('the lookup says someone else answered: answered elsewhere, quietly, then ended', () => {
    const w = new Watch();
    ringThenVanish(w);
    const { events } = w.lookup('s1', ended('s1', { answeredByName: 'Bob Ortiz' }));
    expect(events.map((e) => [e.event, e.title])).toEqual([
      ['answered-elsewhere', 'Answered by Bob Ortiz'],
      ['ended', 'Call ended'],
    ]);
  });

  it('a failed lookup counts as missed', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.lookup('s1', 'failed');
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('a lookup nobody answers counts as failed after a minute', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.poll([], LOOKUP_TIMEOUT_MS - 1);
    expect(w.said()).toEqual(['ringing s1']);
    w.poll([], 1);
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
    // A late answer changes nothing.
    w.lookup('s1', ended('s1', { answeredByName: 'Bob Ortiz' }));
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('a lookup answer for a session that came back meanwhile is ignored', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.poll([ringing('s1')]);
    w.lookup('s1', 'failed');
    w.poll([connected('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'answered s1']);
  });

  it('a session that comes back and vanishes again is judged by what was last seen (one lookup only)', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.poll([ringing('s1')]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual(['s1']);
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('a second lookup answer, or one for a decided session, is ignored', () => {
    const w = new Watch();
    ringThenVanish(w);
    w.lookup('s1', 'failed');
    const again = w.lookup('s1', ended('s1', { answeredByName: 'Bob Ortiz' }));
    expect(again.events).toEqual([]);
  });

  it('a ringing call that ends in the list asks for a lookup, then reports its outcome and ended', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    expect(w.poll([ended('s1')]).lookups).toEqual(['s1']);
    w.poll([ended('s1')]);
    w.lookup('s1', ended('s1'));
    w.poll([]);
    w.poll([]);
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('a session both wasMissed and gone is missed once, needs no lookup, and ends once', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([ringing('s1', { wasMissed: true })]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual([]);
    expect(w.said()).toEqual(['ringing s1', 'missed s1', 'ended s1']);
  });

  it('queued, ringing, then answered elsewhere', () => {
    const w = new Watch();
    w.poll([queued('s1')]);
    w.poll([queued('s1', { queueState: 'Ringing' })]);
    w.poll([queued('s1')]);
    w.poll([]);
    w.poll([]);
    w.lookup('s1', ended('s1', { answeredById: 'endpoint-bob' }));
    expect(w.said()).toEqual(['ringing s1', 'answered-elsewhere s1', 'ended s1']);
    expect(w.events.find((e) => e.event === 'answered-elsewhere')?.title).toBe(
      'Answered elsewhere',
    );
  });

  it('a call answered here and then gone is not missed: it just ends', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([connected('s1')]);
    w.poll([held('s1')]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual([]);
    expect(w.said().filter((l) => !l.startsWith('held'))).toEqual([
      'ringing s1',
      'answered s1',
      'ended s1',
    ]);
  });

  it('a queued call that never rang here leaves quietly', () => {
    const w = new Watch();
    w.poll([queued('s1')]);
    w.poll([]);
    w.poll([]);
    expect(w.said()).toEqual(['ended s1']);
    expect(w.lookups).toEqual([]);
  });
});

describe('ended', () => {
  it('is said once per session, however long the ended session stays listed', () => {
    const w = new Watch();
    w.poll([connected('s1')]);
    w.poll([ended('s1')]);
    w.poll([ended('s1')]);
    w.poll([]);
    w.poll([]);
    expect(w.said()).toEqual(['ended s1']);
  });

  it('carries the latest session known', () => {
    const w = new Watch();
    w.poll([connected('s1', { customerName: 'Acme Health' })]);
    w.poll([]);
    const { events } = w.poll([]);
    expect(events[0]).toMatchObject({
      event: 'ended',
      session: { id: 's1', callState: 'Connected' },
    });
  });
});
