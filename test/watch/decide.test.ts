import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decide, FORGET_AFTER_MS, pruneMemory } from '../../main/watch/decide.js';
import { DEFAULT_TIMING } from '../../main/watch/events.js';
import { loadMemory, saveMemory } from '../../main/watch/ledger.js';
import { call, connected, held, queued, ringing, Watch } from './decide-script.js';

describe('ringing', () => {
  it('a call that starts ringing alerts once, with who is calling and which line', () => {
    const w = new Watch();
    const { events } = w.poll([ringing('s1')]);
    const ring = events.find((e) => e.event === 'ringing');
    expect(ring).toMatchObject({
      sessionId: 's1',
      at: new Date(w.now).toISOString(),
      title: 'Incoming call',
      body: 'Jane Doe (+15035550100) → Support Line · Acme Health',
      session: { id: 's1', callState: 'Ringing' },
    });
  });

  it('a call that keeps ringing across polls alerts once', () => {
    const w = new Watch();
    for (let i = 0; i < 10; i++) w.poll([ringing('s1')]);
    expect(w.said()).toEqual(['ringing s1']);
  });

  it('a call that keeps ringing across an outage alerts once', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.fail('offline');
    w.fail('offline');
    w.fail('error', 'HTTP 503');
    w.poll([ringing('s1')]);
    expect(w.said()).toEqual(['ringing s1']);
  });

  it('a queued call alerts when it starts ringing, not while queued', () => {
    const w = new Watch();
    w.poll([queued('s1')]);
    w.poll([queued('s1')]);
    expect(w.said()).toEqual([]);
    w.poll([queued('s1', { queueState: 'Ringing' })]);
    expect(w.said()).toEqual(['ringing s1']);
  });

  it('ringing, back to the queue and ringing again is one episode', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([queued('s1')]);
    w.poll([ringing('s1')]);
    w.poll([queued('s1')]);
    w.poll([queued('s1', { queueState: 'Ringing' })]);
    expect(w.said()).toEqual(['ringing s1']);
  });

  it('a call transferred back after it was answered rings as a new episode', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([connected('s1')]);
    w.poll([ringing('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'answered s1', 'ringing s1']);
  });

  it('a call that rings again after a hold is a new episode', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([held('s1')]);
    w.poll([ringing('s1')]);
    expect(w.said().filter((l) => l.startsWith('ringing'))).toEqual(['ringing s1', 'ringing s1']);
  });

  it('a chat says chat', () => {
    const w = new Watch();
    const { events } = w.poll([ringing('c1', { channel: 'Chat' })]);
    expect(events.find((e) => e.event === 'ringing')?.title).toBe('Incoming chat');
  });

  it('an ended session, or one in an unknown state, does not ring', () => {
    const w = new Watch();
    w.poll([ringing('s1', { ended: true }), call('s2', { callState: 'Warbling' })]);
    expect(w.said()).not.toContain('ringing s1');
    expect(w.said()).not.toContain('ringing s2');
  });
});

describe('answered', () => {
  it('ringing that becomes connected is answered, once', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([connected('s1')]);
    w.poll([connected('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'answered s1']);
  });

  it('a call first seen connected was never ringing here: nothing to say', () => {
    const w = new Watch();
    w.poll([connected('s1')]);
    expect(w.said()).toEqual([]);
  });

  it('ringing straight to hold counts as answered (it was picked up between two polls)', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    w.poll([held('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'answered s1', 'held s1']);
  });
});

describe('flapping', () => {
  // The list sometimes leaves a live session out of one answer. One absence is not an exit:
  // the ring continues, nothing is looked up, nothing ends.
  it('a ringing call missing from one answer and back in the next alerts once and is not missed', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    const gap = w.poll([]);
    expect(gap.events).toEqual([]);
    expect(gap.lookups).toEqual([]);
    w.poll([ringing('s1')]);
    w.poll([connected('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'answered s1']);
    expect(w.lookups).toEqual([]);
  });

  it('a call gone from two answers in a row has left', () => {
    const w = new Watch();
    w.poll([connected('s1')]);
    w.poll([]);
    w.poll([]);
    expect(w.said()).toEqual(['ended s1']);
  });

  it('a failed poll is not an answer: it neither counts as an absence nor forgives one', () => {
    const w = new Watch();
    w.poll([connected('s1')]);
    w.poll([]);
    w.fail('offline');
    w.fail('offline');
    expect(w.said()).toEqual([]);
    w.poll([]);
    expect(w.said()).toEqual(['ended s1']);
  });
});

describe('memory', () => {
  it('a session never seen produces nothing, even when a lookup for it arrives', () => {
    const w = new Watch();
    w.poll([]);
    const d = w.lookup('nobody', ringing('nobody'));
    expect(d.events).toEqual([]);
    expect(d.memory.sessions).toEqual({});
  });

  it('decide does not change the memory it was given', () => {
    const w = new Watch();
    w.poll([ringing('s1')]);
    const before = JSON.stringify(w.memory);
    decide(
      w.memory,
      { kind: 'sessions', sessions: [connected('s1')] },
      w.now + 3000,
      DEFAULT_TIMING,
    );
    expect(JSON.stringify(w.memory)).toBe(before);
  });

  it('sessions not seen for 24 hours are forgotten', () => {
    const w = new Watch();
    w.poll([connected('old')]);
    const seenAt = w.now;
    expect(Object.keys(pruneMemory(w.memory, seenAt + FORGET_AFTER_MS - 1).sessions)).toEqual([
      'old',
    ]);
    expect(pruneMemory(w.memory, seenAt + FORGET_AFTER_MS).sessions).toEqual({});
    w.poll([connected('new')], FORGET_AFTER_MS);
    expect(Object.keys(w.memory.sessions)).toEqual(['new']);
  });

  it('the same id twice in one answer is one session', () => {
    const w = new Watch();
    w.poll([ringing('s1'), ringing('s1')]);
    expect(w.said()).toEqual(['ringing s1']);
  });

  it('a call listed twice is read as its last listing, in the place of its first', () => {
    const w = new Watch();
    w.poll([queued('s1'), ringing('s2'), ringing('s1')]);
    expect(w.said()).toEqual(['ringing s1', 'ringing s2']);
  });

  it('a known call listed twice after a new one: each event once, the connection event kept', () => {
    const w = new Watch();
    w.poll([queued('s1')]);
    w.fail('offline');
    const { events, lookups } = w.poll([ringing('s2'), queued('s1'), ringing('s1')]);
    expect(w.said(true)).toEqual([
      'connection online',
      'connection offline',
      'connection online',
      'ringing s2',
      'ringing s1',
    ]);
    expect(events).toHaveLength(3);
    expect(lookups).toEqual([]);
    expect(Object.keys(w.memory.sessions)).toEqual(['s1', 's2']);
  });

  it('a call missing from an answer that lists another call twice still counts as absent', () => {
    const w = new Watch();
    w.poll([connected('s1'), connected('s2')]);
    w.poll([connected('s1'), connected('s1')]);
    expect(w.memory.sessions['s2']?.absences).toBe(1);
    expect(w.memory.sessions['s1']?.absences).toBe(0);
  });
});

describe('restart with the ledger', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a call still ringing after a restart does not alert again; its answer still counts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-ledger-'));
    const before = new Watch();
    before.poll([ringing('s1'), held('s2')]);
    await saveMemory(dir, before.memory, before.now);

    const { memory, warning } = await loadMemory(dir, before.now + 20_000);
    expect(warning).toBeUndefined();
    const after = new Watch(DEFAULT_TIMING, memory, before.now + 20_000);
    after.poll([ringing('s1'), held('s2')]);
    after.poll([connected('s1'), held('s2')]);
    expect(after.said()).toEqual(['answered s1']);
    // The new run announces its connection afresh.
    expect(after.said(true)[0]).toBe('connection online');
  });

  it('a call that rang out during the restart is still reported missed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-ledger-'));
    const before = new Watch();
    before.poll([ringing('s1')]);
    await saveMemory(dir, before.memory, before.now);

    const { memory } = await loadMemory(dir, before.now + 60_000);
    const after = new Watch(DEFAULT_TIMING, memory, before.now + 60_000);
    after.poll([]);
    after.poll([]);
    expect(after.lookups).toEqual(['s1']);
    after.lookup('s1', call('s1', { ended: true, wasMissed: true }));
    expect(after.said()).toEqual(['missed s1', 'ended s1']);
  });
});
