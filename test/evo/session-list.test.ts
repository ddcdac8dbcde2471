// Reading poll after poll: what the last answer read is reused only for bytes equal to it, and
// the result is always what parsing the whole answer would give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEvoApiError } from '../../main/evo/api.js';
import { normalizeSessions } from '../../main/evo/normalize.js';
import { createSessionListReader } from '../../main/evo/session-list.js';

const bytes = (text: string) => {
  const store = Buffer.from(text);
  return { store, length: store.length };
};
const call = (id: string, state = 'Ringing') => ({
  id,
  callState: state,
  fromName: `Caller ${id}`,
});
const answer = (...calls: unknown[]) => JSON.stringify({ sessions: calls });

/** What the app read before: the whole answer decoded (as fetch's text()), parsed, normalized. */
function whole(text: string): unknown {
  const decoded = new TextDecoder().decode(Buffer.from(text));
  let body: unknown;
  try {
    body = decoded.trim() === '' ? undefined : JSON.parse(decoded);
  } catch {
    return 'refused';
  }
  try {
    return normalizeSessions(body);
  } catch (e) {
    return isEvoApiError(e, 'bad-response') ? 'refused' : e;
  }
}

function read(reader: ReturnType<typeof createSessionListReader>, text: string): unknown {
  try {
    return reader.read(bytes(text));
  } catch (e) {
    return isEvoApiError(e, 'bad-response') ? 'refused' : e;
  }
}

describe('reading GET /sessions/my poll after poll', () => {
  it('reads a log that changes poll after poll: a line changed, added, dropped, reformatted', () => {
    const reader = createSessionListReader();
    const line = (n: number, text = `line ${n}`) => ({ date: `10:0${n}`, message: text });
    const logs = [
      [line(1), line(2)],
      [line(1), line(2, 'line 2 again')],
      [line(1), line(2, 'line 2 again'), line(3)],
      [line(2, 'line 2 again'), line(3), line(4, 'a much longer fourth line than before')],
      [line(2, 'line 2 again'), line(3, '3'), line(4)],
      [line(2), 'not a line', line(4)],
      [line(2), line(4)],
    ];
    for (const log of logs) {
      const text = answer(call('b'), { ...call('a'), log }, call('c'));
      expect(read(reader, text)).toEqual(whole(text));
    }
    const spaced = answer(call('b'), { ...call('a'), log: logs[6] }, call('c')).replace(
      '},{"date"',
      '}, {"date"',
    );
    expect(read(reader, spaced)).toEqual(whole(spaced));
  });

  it('reads a call right whichever of its members changed, the same ones as last time or not', () => {
    const reader = createSessionListReader();
    const at = (modified: string, state: string, name: string) => ({
      ...call('a', state),
      dateLastModified: modified,
      fromName: name,
      log: [{ date: modified, message: `now ${state}` }],
    });
    const answers = [
      at('10:00', 'Ringing', 'Jo'),
      at('10:01', 'Ringing', 'Jo'),
      at('10:02', 'Connected', 'Jo'),
      at('10:02', 'Connected', 'Jo Ann'),
      at('10:03', 'Connected', 'Jo Ann'),
      at('10:03', 'Hold', 'Jo'),
    ].map((version) => answer(call('b'), version, call('c')));
    for (const text of answers) expect(read(reader, text)).toEqual(whole(text));
  });

  it('keeps the first of a call listed twice, and tells apart two ids that share a number', () => {
    // 'call-46469' and 'call-253384' have the same 32-bit id number (call-id.ts).
    const reader = createSessionListReader();
    const listed = [call('call-46469'), call('a'), call('call-253384'), call('a', 'Hold')];
    reader.read(bytes(answer(call('a'))));
    for (const text of [answer(...listed), answer(...listed.reverse()), answer(call('a'))]) {
      expect(read(reader, text)).toEqual(whole(text));
    }
  });

  it('hands back the very same calls for the same bytes, parsing nothing', () => {
    const reader = createSessionListReader();
    const text = answer(call('a'), call('b'));
    const first = reader.read(bytes(text));
    const again = reader.read(bytes(text));
    expect(again).toEqual(first);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
  });

  it('reads again only the call whose bytes changed, and one added before or after the others', () => {
    const reader = createSessionListReader();
    const [a, b, c] = reader.read(bytes(answer(call('a'), call('b'), call('c'))));
    const changed = reader.read(
      bytes(answer(call('new'), call('a'), call('b', 'Hold'), call('c'))),
    );
    expect(changed.map((s) => [s.id, s.callState])).toEqual([
      ['new', 'Ringing'],
      ['a', 'Ringing'],
      ['b', 'Hold'],
      ['c', 'Ringing'],
    ]);
    expect(changed[1]).toBe(a);
    expect(changed[2]).not.toBe(b);
    expect(changed[3]).toBe(c);
    const removed = reader.read(bytes(answer(call('a'), call('c'), call('d'))));
    expect(removed[0]).toBe(a);
    expect(removed[1]).toBe(c);
    expect(removed.map((s) => s.id)).toEqual(['a', 'c', 'd']);
  });

  it('refuses an answer that is not JSON even when every call in it is', () => {
    const reader = createSessionListReader();
    const good = answer(call('a'));
    reader.read(bytes(good));
    expect(read(reader, `${good.slice(0, -1)}, "x": tru}`)).toBe('refused');
    expect(read(reader, `${good} trailing`)).toBe('refused');
    expect(
      read(
        reader,
        '{"sessions":[{"id":"a","callState":"Ringing","fromName":"Caller a"} {"id":"b"}]}',
      ),
    ).toBe('refused');
    expect(read(reader, '{"sessions":[{"id":"a"]}')).toBe('refused');
  });

  it.each([
    ['PascalCase', '{"Sessions":[{"Id":"a","CallState":"ringing"}]}'],
    ['both casings (camelCase wins)', '{"Sessions":[{"id":"x"}],"sessions":[{"id":"a"}]}'],
    ['the key twice (the last wins)', '{"sessions":[{"id":"x"}],"sessions":[{"id":"a"}]}'],
    ['an escaped key', '{"sess\\u0069ons":[{"id":"a"}]}'],
    ['a byte-order mark', '\uFEFF{"sessions":[{"id":"a"}]}'],
    ['spaces everywhere', ' { "sessions" : [ { "id" : "a" } , 5 , "x" , null , [ ] ] } '],
    ['a call listed twice', answer(call('a'), call('a', 'Hold'))],
    ['no list', '{"sessions":5}'],
    ['nothing', ''],
  ])('reads %s exactly as parsing the whole answer does', (_, text) => {
    const reader = createSessionListReader();
    expect(read(reader, text)).toEqual(whole(text));
    expect(read(reader, text)).toEqual(whole(text));
  });

  it('reads any sequence of answers exactly as parsing each whole answer does', () => {
    const session = fc.record(
      {
        id: fc.constantFrom('a', 'b', 'c', 'd', ''),
        callState: fc.constantFrom('Ringing', 'Hold', 'connected', 5),
        fromName: fc.string(),
      },
      { requiredKeys: [] },
    );
    const element = fc.oneof(
      { weight: 5, arbitrary: session },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
    const text = fc.oneof(
      { weight: 8, arbitrary: fc.array(element, { maxLength: 6 }).map((list) => answer(...list)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.string() },
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (answers) => {
        const reader = createSessionListReader();
        for (const t of answers) expect(read(reader, t)).toEqual(whole(t));
      }),
      { numRuns: 300 },
    );
  });
});
