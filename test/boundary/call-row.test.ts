import { describe, expect, it } from 'vitest';
import { callSummaryOf } from '../../main/boundary/call-row.js';
import { createTranslator } from '../../main/boundary/i18n/index.js';
import { findCall, windowStateOf } from '../../main/boundary/window-state.js';
import { call, fullSession, NOW, signedIn } from '../../harness/app-states.js';

const en = createTranslator('en');

describe('callSummaryOf: a call as the lists show it', () => {
  it('a ringing call: caller, line and customer, its line for the incoming window, its start', () => {
    const ringing = call('r1', { fromName: 'Jane Doe', customerName: 'Acme' });
    expect(callSummaryOf(ringing, en, 3)).toEqual({
      id: 'r1',
      group: 'ringing',
      caller: 'Jane Doe (+15035550100)',
      meta: 'Support line · Acme',
      since: NOW - 42_000,
      line: 'Support line',
      rev: 3,
    });
  });

  it('a held call being transferred: its hold queue in the meta line, worded in the language', () => {
    const held = call('h1', {
      callState: 'Hold',
      holdReason: 'Transferring',
      holdQueueName: 'Blue',
    });
    expect(callSummaryOf(held, en, 1)).toMatchObject({
      group: 'held',
      meta: 'Support line · Hold queue: Blue',
      transferring: true,
    });
    const es = callSummaryOf(held, createTranslator('es'), 1);
    expect(es.meta).toContain('Blue');
    expect(es.meta).not.toContain('Hold queue');
    // The line is only for a ringing call (the incoming window shows no other).
    expect(es.line).toBeUndefined();
  });

  it('leaves out what the call does not have, and says an unknown caller in the language', () => {
    const bare = { id: 'x', callState: 'Connected' };
    expect(callSummaryOf(bare, en, 1)).toEqual({
      id: 'x',
      group: 'connected',
      caller: 'Unknown caller',
      rev: 1,
    });
    expect(callSummaryOf(bare, createTranslator('de'), 1).caller).not.toBe('Unknown caller');
    // An unreadable start is no start, not 1970.
    expect(callSummaryOf({ ...bare, dateCreated: 'soon' }, en, 1).since).toBeUndefined();
  });

  it("an unknown state keeps the API's own word; an outgoing ringing call says so", () => {
    expect(callSummaryOf(call('o1', { callState: 'Wrapping' }), en, 1)).toMatchObject({
      group: 'other',
      state: 'Wrapping',
    });
    expect(callSummaryOf(call('o2', { direction: 'Outgoing' }), en, 1).outgoing).toBe(true);
    expect(callSummaryOf(call('i1', { direction: 'Incoming' }), en, 1).outgoing).toBeUndefined();
  });
});

describe('windowStateOf', () => {
  it('carries the summaries and no full session: no live, ended or missed sessions', () => {
    const session = fullSession();
    const state = signedIn({
      sessions: [session],
      recentlyEnded: [call('gone')],
      missed: [{ sessionId: 'm1', at: 'x', title: 'Jo', body: '', seen: false, session }],
    });
    const calls = [callSummaryOf(session, en, 1)];
    const shown = windowStateOf(state, calls);
    expect(shown.calls).toBe(calls);
    expect(shown).not.toHaveProperty('sessions');
    expect(shown).not.toHaveProperty('recentlyEnded');
    expect(shown.missed).toEqual([
      { sessionId: 'm1', at: 'x', title: 'Jo', body: '', seen: false },
    ]);
    expect(shown.settings).toBe(state.settings);
    expect(JSON.stringify(shown)).not.toContain('Answered by Bob Builder');
  });
});

describe('findCall', () => {
  const live = call('a');
  const endedLive = call('e', { ended: true });
  const ended = call('b');
  const missed = call('c');
  const state = signedIn({
    sessions: [live, endedLive],
    recentlyEnded: [ended, { ...live, fromName: 'older copy' }],
    missed: [
      { sessionId: 'c', at: 'x', title: '', body: '', seen: true, session: missed },
      { sessionId: 'd', at: 'x', title: '', body: '', seen: true },
    ],
  });

  it('live first, then recently ended, then the missed list; ended unless live', () => {
    expect(findCall(state, 'a')).toEqual({ session: live, ended: false });
    expect(findCall(state, 'e')).toEqual({ session: endedLive, ended: true });
    expect(findCall(state, 'b')).toEqual({ session: ended, ended: true });
    expect(findCall(state, 'c')).toEqual({ session: missed, ended: true });
  });

  it('nothing for an id main does not have, or a missed call without its session', () => {
    expect(findCall(state, 'd')).toBeUndefined();
    expect(findCall(state, 'nope')).toBeUndefined();
  });
});
