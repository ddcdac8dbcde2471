// What decide keeps between polls: unchanged tables handed on as the same objects, settled
// calls reduced to their compact EndedCall, and a poll that visits what it lists, not the day.
import { describe, expect, it } from 'vitest';
import {
  decide,
  emptyMemory,
  FORGET_AFTER_MS,
  pendingLookups,
  type WatchMemory,
} from '../../main/watch/decide.js';
import type { Session } from '../../main/boundary/session.js';
import { DEFAULT_TIMING } from '../../main/watch/events.js';
import { sameTrimmed, trimSession } from '../../main/watch/tracked.js';
import { call, connected, held, ringing, T0, Watch } from './decide-script.js';

/** A memory that remembers `count` calls that rang, were missed and left. */
function dayOfMissedCalls(count: number): Watch {
  const w = new Watch();
  const calls = Array.from({ length: count }, (_, i) => ringing(`day-${i}`));
  w.poll(calls);
  w.poll([]);
  w.poll([]);
  for (const id of pendingLookups(w.memory)) w.lookup(id, 'failed', 0);
  return w;
}

describe('decide keeps what did not change', () => {
  it('a poll in which nothing changed hands on the very same tables', () => {
    const w = new Watch(DEFAULT_TIMING, emptyMemory(), T0 - 3000);
    const calls = [ringing('s1'), connected('s2'), ringing('s3', { direction: 'Outgoing' })];
    w.poll(calls);
    const before = w.memory;
    const d = w.poll(calls.map((s) => ({ ...s }))); // equal content, new objects
    expect(d.events).toEqual([]);
    expect(d.memory.sessions).toBe(before.sessions);
    expect(d.memory.ended).toBe(before.ended);
  });

  it('a change to one call copies its entry and leaves the others as they were', () => {
    const w = new Watch(DEFAULT_TIMING, emptyMemory(), T0 - 3000);
    w.poll([ringing('s1'), connected('s2')]);
    const before = w.memory;
    w.poll([connected('s1'), connected('s2')]);
    expect(w.memory.sessions).not.toBe(before.sessions);
    expect(w.memory.sessions['s2']).toBe(before.sessions['s2']);
    expect(w.memory.sessions['s1']).not.toBe(before.sessions['s1']);
    expect(w.said()).toEqual(['ringing s1', 'answered s1']);
  });

  it('lastSeenAt moves once a minute, not on every poll', () => {
    const w = new Watch(DEFAULT_TIMING, emptyMemory(), T0 - 3000);
    w.poll([connected('s1')]);
    const first = w.memory.sessions['s1'];
    for (let i = 0; i < 19; i++) w.poll([connected('s1')]); // up to 57 s after T0
    expect(w.memory.sessions['s1']).toBe(first);
    w.poll([connected('s1')]); // T0 + 60 s: a new minute
    expect(w.memory.sessions['s1']?.lastSeenAt).toBe(T0 + 60_000);
  });

  it('a held call with a reminder to come is still reminded on time', () => {
    const timing = { ...DEFAULT_TIMING, holdReminderMs: 30_000 };
    const w = new Watch(timing);
    for (let i = 0; i < 21; i++) w.poll([held('s1')]);
    expect(w.said()).toEqual(['held s1', 'held s1 reminder', 'held s1 reminder']);
  });
});

describe('calls that ended', () => {
  it('are kept in compact form, without the session, and leave the table', () => {
    const w = dayOfMissedCalls(3);
    expect(Object.keys(w.memory.sessions)).toEqual([]);
    expect(w.memory.ended.map((e) => e.id)).toEqual(['day-0', 'day-1', 'day-2']);
    expect(w.memory.ended[0]).toEqual({
      id: 'day-0',
      lastSeenAt: T0 + 3000,
      awaitingAnswer: true,
      heldSince: null,
      heldAlertedAt: null,
      outcome: 'missed',
      lookup: 'used',
    });
    expect(w.said().filter((s) => s.startsWith('missed'))).toHaveLength(3);
  });

  it('one that shows up again does not ring or miss again, and its answer still counts', () => {
    const w = dayOfMissedCalls(2);
    const said = w.said().length;
    w.poll([ringing('day-1')]);
    w.poll([connected('day-1')]);
    expect(w.said().slice(said)).toEqual(['answered day-1']);
    expect(w.memory.ended.map((e) => e.id)).toEqual(['day-0']);
    w.poll([]);
    w.poll([]);
    expect(w.said().slice(said)).toEqual(['answered day-1']); // ended was said before
    expect(w.memory.ended.map((e) => e.id)).toEqual(['day-0', 'day-1']);
  });

  it('hostile ids end and come back as ordinary calls', () => {
    const w = new Watch();
    w.poll([connected('__proto__'), connected('constructor')]);
    w.poll([]);
    w.poll([]);
    expect(w.memory.ended.map((e) => e.id)).toEqual(['__proto__', 'constructor']);
    w.poll([ringing('constructor')]);
    expect(w.said()).toEqual(['ended __proto__', 'ended constructor', 'ringing constructor']);
    expect(Object.getPrototypeOf(w.memory.sessions)).toBeNull();
  });

  it('a table made with a prototype (by hand, or read from disk) finds only its own entries', () => {
    const memory: WatchMemory = { ...emptyMemory(), sessions: {} };
    const { events, memory: after } = decide(
      memory,
      { kind: 'sessions', sessions: [ringing('constructor'), ringing('toString')] },
      T0,
      DEFAULT_TIMING,
    );
    const rings = events.filter((e) => e.event === 'ringing');
    expect(rings.map((e) => `${e.event} ${'sessionId' in e ? e.sessionId : ''}`)).toEqual([
      'ringing constructor',
      'ringing toString',
    ]);
    expect(Object.keys(after.sessions)).toEqual(['constructor', 'toString']);
    for (const id of ['constructor', 'toString']) {
      expect(after.sessions[id]).toMatchObject({ absences: 0, lookup: 'none', lastSeenAt: T0 });
    }
  });

  it('are forgotten 24 hours after they were last seen', () => {
    const w = dayOfMissedCalls(2);
    const lastSeen = w.memory.ended[0]?.lastSeenAt ?? 0;
    w.poll([], lastSeen + FORGET_AFTER_MS - 60_000 - w.now);
    expect(w.memory.ended).toHaveLength(2);
    w.poll([], 60_000);
    expect(w.memory.ended).toEqual([]);
  });

  it('keeps the calls in the order first seen through changes, forgetting and new calls', () => {
    const w = new Watch();
    w.poll([connected('b'), connected('a')]);
    w.poll([connected('b'), connected('a'), connected('c')]);
    w.poll([held('a'), connected('b'), connected('c')]); // a change rebuilds the table
    expect(Object.keys(w.memory.sessions)).toEqual(['b', 'a', 'c']);
    // b and c leave; a, still listed, is seen again well within the day
    w.poll([held('a')], FORGET_AFTER_MS / 2);
    w.poll([held('a')], FORGET_AFTER_MS / 2 + 60_000);
    w.poll([held('a'), connected('d')]);
    w.poll([connected('a'), connected('d')]); // a change: rebuilt from the order kept
    expect(Object.keys(w.memory.sessions)).toEqual(['a', 'd']);
    // and a memory made elsewhere (loaded from the ledger) has its order rebuilt
    const loaded = new Watch(
      DEFAULT_TIMING,
      JSON.parse(JSON.stringify(w.memory)) as WatchMemory,
      w.now,
    );
    loaded.poll([connected('e'), held('a'), connected('d')], 60_000);
    expect(Object.keys(loaded.memory.sessions)).toEqual(['a', 'd', 'e']);
  });

  it('a steady poll with thousands remembered copies neither table', () => {
    const w = dayOfMissedCalls(2000); // its set-up answers each lookup in turn: quadratic
    w.poll([connected('live')]);
    const before: WatchMemory = w.memory;
    const d = decide(
      before,
      { kind: 'sessions', sessions: [connected('live')] },
      w.now + 3000,
      DEFAULT_TIMING,
    );
    expect(d.memory.ended).toBe(before.ended);
    expect(d.memory.sessions).toBe(before.sessions);
    // and a new ring among them copies only the small table
    const ring = decide(
      before,
      { kind: 'sessions', sessions: [connected('live'), ringing('new')] },
      w.now + 3000,
      DEFAULT_TIMING,
    );
    expect(ring.events.map((e) => e.event)).toEqual(['ringing']);
    expect(ring.memory.ended).toBe(before.ended);
  });

  it('deciding twice from the same memory gives the same answer (the cached index is checked)', () => {
    const w = dayOfMissedCalls(3);
    const memory = w.memory;
    const one = decide(
      memory,
      { kind: 'sessions', sessions: [ringing('day-0')] },
      w.now + 1,
      DEFAULT_TIMING,
    );
    const two = decide(
      memory,
      { kind: 'sessions', sessions: [ringing('day-0')] },
      w.now + 1,
      DEFAULT_TIMING,
    );
    expect(JSON.stringify(one.memory)).toBe(JSON.stringify(two.memory));
    expect(one.events).toEqual([]);
    expect(JSON.stringify(memory.ended.map((e) => e.id))).toBe('["day-0","day-1","day-2"]');
  });
});

describe('sameTrimmed', () => {
  const full = call('s1', {
    dateCreated: '2026-03-02T09:00:00Z',
    ended: false,
    wasMissed: false,
    fromPhoneNumber: '+15035550100',
    endpointName: 'Support',
    holdQueueName: 'Sales Hold',
    holdReason: 'None',
    answeredByName: 'Bob Ortiz',
    answeredById: 'ep-1',
  });

  it('tells apart a change to any field the engine keeps, and ignores the others', () => {
    const kept = trimSession(full);
    expect(sameTrimmed(kept, { ...full, log: [{ message: 'new' }], members: [] })).toBe(true);
    for (const [field, value] of Object.entries(kept)) {
      const changed = { ...full, [field]: typeof value === 'boolean' ? !value : `${value}x` };
      expect(sameTrimmed(kept, changed), field).toBe(false);
      const without = Object.fromEntries(Object.entries(full).filter(([k]) => k !== field));
      if (field !== 'id')
        expect(sameTrimmed(kept, without as unknown as Session), field).toBe(false);
    }
  });

  it('agrees with trimming: a field of the wrong type reads as absent in both', () => {
    const odd = { ...full, callState: 7 as unknown as string };
    expect(sameTrimmed(trimSession(odd), odd)).toBe(true);
    expect(sameTrimmed(trimSession({ ...full, callState: undefined }), odd)).toBe(true);
  });
});
