// An answer that only moves the calls around is decided visiting them in the order they were
// first read (the reader's earlierOrder): the decision must be the one the answer's own order
// gives, event for event, whatever is due meanwhile (a minute turning, a hold's alert, a call
// gone, a new one ringing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSessionListReader } from '../../main/evo/session-list.js';
import type { Session } from '../../main/boundary/session.js';
import { decide, emptyMemory, type WatchMemory } from '../../main/watch/decide.js';
import { DEFAULT_TIMING } from '../../main/watch/events.js';
import { realisticSessions } from '../../harness/realistic-calls.js';

const CALLS = realisticSessions(12);

/** One poll: the calls listed (by index into CALLS) in order, some changed, after `gapS`. */
interface Poll {
  order: number[];
  held: number[];
  gapS: number;
}

const poll: fc.Arbitrary<Poll> = fc.record({
  order: fc.shuffledSubarray(
    CALLS.map((_, i) => i),
    { minLength: 0, maxLength: CALLS.length },
  ),
  held: fc.array(fc.nat({ max: CALLS.length - 1 }), { maxLength: 2 }),
  gapS: fc.constantFrom(1, 3, 3, 45, 61, 200),
});

/** Most polls list the last poll's calls again, only in another order. */
const polls = fc
  .tuple(fc.array(poll, { minLength: 1, maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 10 }))
  .map(([given, moves]) =>
    given.map((p, i) => {
      const before = given[i - 1];
      if (before === undefined || moves[i] !== true) return p;
      const again = [...before.order].sort((a, b) => ((a * 7 + i) % 5) - ((b * 7 + i) % 5));
      return { ...p, order: again, held: before.held };
    }),
  );

function answerOf(p: Poll): string {
  const listed = p.order.map((i) => {
    const call = CALLS[i] as Session;
    return p.held.includes(i) ? { ...call, callState: 'Hold', holdQueueName: 'Hold' } : call;
  });
  return JSON.stringify({ sessions: listed });
}

const bytes = (text: string) => {
  const store = Buffer.from(text);
  return { store, length: store.length };
};

describe('deciding an answer that only moved its calls, in the order they were first read', () => {
  it('gives the events, lookups and memory of deciding it in its own order', () => {
    let moved = 0;
    fc.assert(
      fc.property(polls, (sequence) => {
        const reader = createSessionListReader();
        let hinted: WatchMemory = emptyMemory();
        let plain: WatchMemory = emptyMemory();
        let now = Date.parse('2026-11-26T09:00:00Z');
        for (const p of sequence) {
          now += p.gapS * 1000;
          const sessions = reader.read(bytes(answerOf(p)));
          const earlierOrder = reader.earlierOrder() ?? undefined;
          if (earlierOrder !== undefined) moved++;
          const a = decide(
            hinted,
            { kind: 'sessions', sessions, earlierOrder },
            now,
            DEFAULT_TIMING,
          );
          const b = decide(plain, { kind: 'sessions', sessions }, now, DEFAULT_TIMING);
          expect(a.events).toEqual(b.events);
          expect(a.lookups).toEqual(b.lookups);
          expect(a.memory).toEqual(b.memory);
          hinted = a.memory;
          plain = b.memory;
        }
      }),
      { numRuns: 300 },
    );
    expect(moved).toBeGreaterThan(100);
  });

  it('is not given for an answer with a call changed, added or left out', () => {
    const reader = createSessionListReader();
    const [a, b, c] = CALLS as [Session, Session, Session];
    const read = (calls: Session[]) => {
      reader.read(bytes(JSON.stringify({ sessions: calls })));
      return reader.earlierOrder();
    };
    expect(read([a, b, c])).toBeNull(); // the first answer
    const first = read([c, a, b]);
    expect(first).toHaveLength(3);
    first?.forEach((call, i) => expect(call.id).toBe([a, b, c][i]?.id)); // as first read
    expect(read([b, c, a])).toBe(first); // still the order first read in
    expect(read([b, c, a])).toBeNull(); // the same bytes: nothing moved
    expect(read([a, { ...b, callState: 'Hold' }, c])).toBeNull();
    expect(read([a, c])).toBeNull();
    expect(read([a, c, b])).toBeNull(); // b is back: read again
    expect(read([a, c, c])).toBeNull(); // c twice
  });
});
