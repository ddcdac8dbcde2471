// The outside bench's regimes are what their names say, or its figures mean nothing: the
// changed answers differ where they claim to (in every call, or in one), poll after poll, and
// the reordered answers hold the identical answer's calls, byte for byte, in new orders.
import { describe, expect, it } from 'vitest';
import { bodyOf, realisticSessions } from '../../harness/realistic-calls.js';
import { regimeBodies, VARIANTS } from '../../bench/regimes.js';

const sessions = realisticSessions(40);

/** Each call's own JSON, in the answer's order. */
const callsOf = (body: string) =>
  (JSON.parse(body) as { sessions: { id: string }[] }).sessions.map((s) => JSON.stringify(s));
const idsOf = (body: string) =>
  (JSON.parse(body) as { sessions: { id: string }[] }).sessions.map((s) => s.id);

/** Each answer beside the one after it, the last beside the first (the server rotates). */
const consecutive = <T>(items: readonly T[]) =>
  items.map((item, i) => [item, items[(i + 1) % items.length] as T] as const);

/** How many calls, matched by id, read differently in the two answers. */
function changedCalls(a: string, b: string): number {
  const before = new Map(callsOf(a).map((json) => [JSON.parse(json).id as string, json]));
  return callsOf(b).filter((json) => before.get(JSON.parse(json).id as string) !== json).length;
}

describe('the regimes of the outside bench', () => {
  const identical = regimeBodies(sessions, 'identical');

  it('identical: one answer, exactly what JSON.stringify writes', () => {
    expect(identical).toEqual([bodyOf(sessions)]);
  });

  it('one change: the same calls, consecutive answers differing in exactly one', () => {
    const bodies = regimeBodies(sessions, 'one change');
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) expect(idsOf(body)).toEqual(idsOf(identical[0] ?? ''));
    for (const [a, b] of consecutive(bodies)) expect(changedCalls(a, b)).toBe(1);
  });

  it('all changed: consecutive answers differ in every call, and from the identical answer', () => {
    const bodies = regimeBodies(sessions, 'all changed');
    expect(bodies).toHaveLength(VARIANTS);
    expect(VARIANTS).toBeGreaterThanOrEqual(3);
    for (const [a, b] of consecutive(bodies)) expect(changedCalls(a, b)).toBe(sessions.length);
    for (const body of bodies) {
      expect(idsOf(body)).toEqual(idsOf(identical[0] ?? ''));
      expect(changedCalls(identical[0] ?? '', body)).toBe(sessions.length);
    }
  });

  it("all changed: each call's new modification time and a new last log line", () => {
    const [body] = regimeBodies(sessions, 'all changed');
    const [first] = (JSON.parse(body ?? '') as { sessions: typeof sessions }).sessions;
    const [original] = sessions;
    expect(first?.dateLastModified).not.toBe(original?.dateLastModified);
    expect(first?.log?.slice(0, -1)).toEqual(original?.log?.slice(0, -1));
    expect(first?.log?.at(-1)).not.toEqual(original?.log?.at(-1));
  });

  it("reordered: the identical answer's calls, byte for byte, in a new order each poll", () => {
    const bodies = regimeBodies(sessions, 'reordered');
    expect(bodies).toHaveLength(VARIANTS);
    const same = callsOf(identical[0] ?? '').sort();
    for (const body of bodies) {
      expect(callsOf(body).sort()).toEqual(same);
      expect(changedCalls(identical[0] ?? '', body)).toBe(0);
    }
    for (const [a, b] of consecutive(bodies)) expect(idsOf(a)).not.toEqual(idsOf(b));
    expect(idsOf(bodies[0] ?? '')).not.toEqual(idsOf(identical[0] ?? ''));
  });
});
