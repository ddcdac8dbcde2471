// Any sequence of answers, as a busy call center sends them (calls reordered, added, removed,
// a field or a log line changed, odd casings, keys twice, spaces), read poll after poll by the
// client's reader gives exactly what parsing each whole answer gives: the same calls, field for
// field and in the same key order, so the engine decides the same events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSessions } from '../../main/evo/normalize.js';
import { createSessionListReader } from '../../main/evo/session-list.js';
import type { Session } from '../../main/boundary/session.js';
import { decide, emptyMemory } from '../../main/watch/decide.js';
import { DEFAULT_TIMING } from '../../main/watch/events.js';
import { realisticSessions } from '../../harness/realistic-calls.js';

const BASES = realisticSessions(5);

/** How one call of an answer differs from its base: each choice from a few, so answers repeat. */
interface Variant {
  base: number;
  modified: number; // dateLastModified
  state: number; // callState, one a number (an enum sent as integer), one of the wrong type
  logKept: number; // how many of the base's log lines
  logLast: number; // the last log line replaced (0: not)
  member: number; // a member changed (0: not)
  pascal: number; // a key in PascalCase (0: none), with or without its twin, or renamed
  twice: number; // a key sent twice (0: not)
  noId: boolean;
  spaces: number; // the element's spacing
}

const variant: fc.Arbitrary<Variant> = fc.record({
  base: fc.nat({ max: BASES.length - 1 }),
  modified: fc.nat({ max: 2 }),
  state: fc.nat({ max: 4 }),
  logKept: fc.nat({ max: 6 }),
  logLast: fc.nat({ max: 2 }),
  member: fc.nat({ max: 2 }),
  pascal: fc.constantFrom(0, 0, 0, 1, 2, 3, 4),
  twice: fc.constantFrom(0, 0, 0, 1, 2),
  noId: fc.constantFrom(false, false, false, false, true),
  spaces: fc.constantFrom(0, 0, 0, 1, 2),
});

const STATES: unknown[] = [undefined, 'Hold', 'ringing', 2, true];

function entriesOf(v: Variant): [string, unknown][] {
  const base = BASES[v.base] as Session;
  const call: Record<string, unknown> = { ...base };
  if (v.modified > 0) call['dateLastModified'] = `2026-11-26T10:0${v.modified}:00Z`;
  if (v.state > 0) call['callState'] = STATES[v.state];
  const log = (base.log ?? []).slice(0, v.logKept);
  if (v.logLast > 0 && log.length > 0) {
    log[log.length - 1] = { date: `2026-11-26T10:0${v.logLast}:00Z`, message: `line ${v.logLast}` };
  }
  if (v.logLast === 2) log.push('not a line' as never);
  call['log'] = log;
  if (v.member > 0 && base.members !== undefined) {
    call['members'] = base.members.map((m, i) =>
      i === 0 ? { ...m, callState: v.member === 1 ? 'Hold' : 7, muted: v.member === 1 } : m,
    );
  }
  if (v.noId) delete call['id'];
  const entries = Object.entries(call);
  if (v.pascal === 1) return entries.map(([k, x]) => [k === 'fromName' ? 'FromName' : k, x]);
  if (v.pascal === 2) return [...entries, ['Id', 'call-pascal']];
  if (v.pascal === 3) return entries.map(([k, x]) => [k === 'id' ? 'Id' : k, x]);
  if (v.pascal === 4) return entries.map(([k, x]) => [k === 'fromName' ? 'fromNamz' : k, x]);
  if (v.twice === 1) return [['callState', 'Connected'], ...entries];
  if (v.twice === 2) return [...entries, ['holdQueueName', 'Twice']];
  return entries;
}

function element(v: Variant): string {
  const [colon, comma] = [
    [':', ','],
    [' : ', ', '],
    [':\n  ', ',\n '],
  ][v.spaces] as [string, string];
  const members = entriesOf(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${JSON.stringify(k)}${colon}${JSON.stringify(x)}`);
  return `{${members.join(comma)}}`;
}

const answerOf = (calls: Variant[], spaced: boolean) =>
  spaced
    ? `{ "sessions" : [ ${calls.map(element).join(' ,\n ')} ] }`
    : `{"sessions":[${calls.map(element).join(',')}]}`;

/** Each answer the last one with some calls moved, added, removed or changed. */
const answers = fc
  .tuple(
    fc.array(variant, { minLength: 0, maxLength: 8 }),
    fc.array(
      fc.record({
        order: fc.array(fc.nat(), { maxLength: 8 }),
        added: fc.array(variant, { maxLength: 2 }),
        changed: fc.array(fc.tuple(fc.nat(), variant), { maxLength: 3 }),
        removed: fc.nat({ max: 3 }),
        spaced: fc.boolean(),
        // Only the same calls in a new order (the engine may then visit them in an earlier one).
        onlyMoved: fc.constantFrom(false, false, true),
        // Seconds since the last answer: a minute turning, a hold's alert falling due.
        after: fc.constantFrom(3, 3, 61, 200),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([first, steps]) => {
    const texts = [answerOf(first, false)];
    const gaps = [0];
    let calls = first;
    for (const step of steps) {
      const next = calls.slice(step.onlyMoved || step.removed >= calls.length ? 0 : step.removed);
      if (!step.onlyMoved) {
        for (const [at, v] of step.changed) if (next.length > 0) next[at % next.length] = v;
        next.push(...step.added);
      }
      // A reorder: each number picks the next call among those left.
      const left = next.slice();
      const moved: Variant[] = [];
      for (const pick of step.order)
        if (left.length > 0) moved.push(...left.splice(pick % left.length, 1));
      calls = [...moved, ...left];
      texts.push(answerOf(calls, step.onlyMoved ? false : step.spaced));
      gaps.push(step.after * 1000);
    }
    return { texts, gaps };
  });

const bytes = (text: string) => {
  const store = Buffer.from(text);
  return { store, length: store.length };
};

describe('reading a sequence of answers as a busy call center sends them', () => {
  it('gives, answer after answer, exactly what parsing each whole answer gives, and the same events', () => {
    let hinted = 0;
    fc.assert(
      fc.property(answers, ({ texts, gaps }) => {
        const reader = createSessionListReader();
        let read = emptyMemory();
        let whole = emptyMemory();
        let now = Date.parse('2026-11-26T09:00:00Z');
        texts.forEach((text, i) => {
          const got = reader.read(bytes(text));
          const want = normalizeSessions(JSON.parse(text));
          expect(got).toEqual(want);
          // The same keys in the same order, as the window and the ledger would write them.
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          now += gaps[i] ?? 0;
          // The reader's earlier order, when it says the calls only moved: the very same ones.
          const earlierOrder = reader.earlierOrder() ?? undefined;
          if (earlierOrder !== undefined) {
            hinted++;
            const listed = new Set(got);
            expect(new Set(earlierOrder).size).toBe(got.length);
            for (const call of earlierOrder) expect(listed.has(call)).toBe(true);
          }
          const sessions = got;
          const a = decide(read, { kind: 'sessions', sessions, earlierOrder }, now, DEFAULT_TIMING);
          const b = decide(whole, { kind: 'sessions', sessions: want }, now, DEFAULT_TIMING);
          expect(a.events).toEqual(b.events);
          expect(a.lookups).toEqual(b.lookups);
          read = a.memory;
          whole = b.memory;
        });
      }),
      { numRuns: 400 },
    );
    // Answers that only moved calls came often enough to try deciding in their earlier order.
    expect(hinted).toBeGreaterThan(10);
  });

  it('reads a changed call member by member: unchanged members and log lines keep their objects', () => {
    const reader = createSessionListReader();
    const v: Variant = {
      base: 0,
      modified: 0,
      state: 0,
      logKept: 6,
      logLast: 0,
      member: 0,
      pascal: 0,
      twice: 0,
      noId: false,
      spaces: 0,
    };
    const [first] = reader.read(bytes(answerOf([v], false)));
    const [moved] = reader
      .read(
        bytes(
          answerOf(
            [
              { ...v, base: 1 },
              { ...v, modified: 1, logLast: 1 },
            ],
            false,
          ),
        ),
      )
      .slice(1);
    expect(moved?.dateLastModified).toBe('2026-11-26T10:01:00Z');
    expect(moved).not.toBe(first);
    expect(moved?.members).toBe(first?.members);
    expect(moved?.customerBreadcrumb).toBe(first?.customerBreadcrumb);
    const lines = first?.log ?? [];
    expect(moved?.log?.slice(0, -1)).toEqual(lines.slice(0, -1));
    moved?.log?.slice(0, -1).forEach((line, i) => expect(line).toBe(lines[i]));
    expect(moved?.log?.at(-1)).toEqual({ date: '2026-11-26T10:01:00Z', message: 'line 1' });
  });

  it('hands back the very same calls for an answer that only reordered them', () => {
    const reader = createSessionListReader();
    const calls = [0, 1, 2, 3].map((base) => ({
      base,
      modified: 0,
      state: 0,
      logKept: 6,
      logLast: 0,
      member: 0,
      pascal: 0,
      twice: 0,
      noId: false,
      spaces: 0,
    }));
    const first = reader.read(bytes(answerOf(calls, false)));
    const again = reader.read(bytes(answerOf([...calls].reverse(), false)));
    expect(again).toEqual([...first].reverse());
    again.forEach((session, i) => expect(session).toBe(first[first.length - 1 - i]));
  });
});
