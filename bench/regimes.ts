// The answers of the outside bench (outside.ts), in four regimes of what a busy server sends
// poll after poll: the same bytes; one call changed; every call changed; the same calls in a
// new order. Pure and deterministic: the server and the tests build the same bodies.
import type { Session } from '../main/boundary/session.js';
import { seededRandom } from '../main/simulator/people.js';

export const REGIMES = ['identical', 'one change', 'all changed', 'reordered'] as const;
export type Regime = (typeof REGIMES)[number];

/** Answers a rotating regime cycles through: consecutive answers always differ. */
export const VARIANTS = 3;

const CHANGED_AT = Date.parse('2026-11-26T10:00:00Z');

/** The answer as the server writes it, from each call's own JSON (as JSON.stringify would). */
export function bodyOfParts(parts: readonly string[]): string {
  return `{"sessions":[${parts.join(',')}]}`;
}

/** The call as it reads in variant `v`: modified then, its last log line a new one. */
function changed(s: Session, v: number, i: number): Session {
  const date = new Date(CHANGED_AT + v * 1000 + i).toISOString();
  const log = s.log ?? [];
  return {
    ...s,
    dateLastModified: date,
    log: [...log.slice(0, -1), { date, message: `Still talking (update ${v + 1})` }],
  };
}

/** Fisher–Yates with a seeded generator: the same seed, the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The bodies the server rotates through in a regime, for these calls. */
export function regimeBodies(sessions: readonly Session[], regime: Regime): string[] {
  const parts = sessions.map((s) => JSON.stringify(s));
  const variants = Array.from({ length: VARIANTS }, (_, v) => v);
  switch (regime) {
    case 'identical':
      return [bodyOfParts(parts)];
    case 'one change': {
      // The middle call, modified at a new time in each answer; every other call as it was.
      const middle = Math.floor(sessions.length / 2);
      const call = sessions[middle];
      if (call === undefined) return [bodyOfParts(parts)];
      return variants.map((v) => {
        const dateLastModified = new Date(CHANGED_AT + v * 1000).toISOString();
        return bodyOfParts(parts.with(middle, JSON.stringify({ ...call, dateLastModified })));
      });
    }
    case 'all changed':
      return variants.map((v) =>
        bodyOfParts(sessions.map((s, i) => JSON.stringify(changed(s, v, i)))),
      );
    case 'reordered':
      // Each call's bytes exactly as in the identical answer; only their order differs.
      return variants.map((v) => bodyOfParts(shuffled(parts, 1 + v)));
  }
}
