// The normalizer and the client under fast-check: 10,000 runs each in CI (CI=true), fewer on a
// developer's machine (FUZZ_RUNS=n sets it either way). The client runs against an in-process
// fetch that answers any status, headers and body, or fails like the network; a sign-in per
// run would cost more than the property, so a run signs in only when the last one signed out.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EvoApiError, isEvoApiError } from '../../main/evo/api.js';
import { createEvoClient } from '../../main/evo/client.js';
import type { Field } from '../../main/evo/field-table.js';
import { normalizeSessions, sessionFields } from '../../main/evo/normalize.js';
import type { Session } from '../../main/boundary/session.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 10_000 : 1000));
const PASSWORD = 'pa  ss\tword-42';
const COOKIE = 'cookie-secret-0123456789';

const KNOWN = Object.keys(sessionFields);
const ENUM_VALUES = ['Ringing', 'ringing', 'Hold', 'Connected', 'Queued', 'Odd', 'None'];

/** A value for a session field: mostly the right type, often not. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ENUM_VALUES),
  fc.integer({ min: -2, max: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.array(
    fc.dictionary(
      fc.constantFrom('date', 'message', 'callState', 'role'),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    { maxLength: 3 },
  ),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer())),
  fc.jsonValue({ maxDepth: 1 }),
);

const keyOf = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN).map((k) => k[0]?.toUpperCase() + k.slice(1)) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const sessionLike = fc
  .tuple(fc.dictionary(keyOf, fieldValue, { maxKeys: 8 }), fc.oneof(fc.string(), fc.integer()))
  .map(([fields, id]) => ({ ...fields, id }));

const body: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ sessions: fc.array(sessionLike, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ Sessions: fc.array(sessionLike, { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** True when `value` is what the table's field may hold after normalizing. */
function fits(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'list-of-string':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'list':
      return (
        Array.isArray(value) &&
        value.every(
          (item: Record<string, unknown>) =>
            Object.getPrototypeOf(item) === Object.prototype &&
            Object.entries(item).every(([k, v]) => {
              const inner = (field.of as Record<string, Field>)[k];
              return inner !== undefined && fits(inner, v);
            }),
        )
      );
    case 'dictionary':
      return (
        typeof value === 'object' &&
        value !== null &&
        Object.getPrototypeOf(value) === null &&
        Object.values(value).every((v) => typeof v === 'string')
      );
  }
}

function normalized(raw: unknown): Session[] | EvoApiError {
  try {
    return normalizeSessions(raw);
  } catch (e) {
    if (isEvoApiError(e, 'bad-response')) return e;
    throw e;
  }
}

describe(`the normalizer under fast-check (${RUNS} runs)`, () => {
  it('returns only known fields of their table type, unique string ids, or a bad-response error; and is idempotent', () => {
    const table = sessionFields as Record<string, Field>;
    fc.assert(
      fc.property(body, (raw) => {
        // Plain checks, not expect() per field: ten thousand runs must stay cheap.
        const out = normalized(raw);
        if (out instanceof EvoApiError) return true;
        if (new Set(out.map((s) => s.id)).size !== out.length) return false;
        for (const session of out) {
          if (Object.getPrototypeOf(session) !== Object.prototype) return false;
          if (session.id.trim() === '') return false;
          for (const [key, value] of Object.entries(session)) {
            const field = table[key];
            if (field === undefined || !fits(field, value)) return false;
          }
        }
        // What it gives back reads to itself: nothing is lost or renamed a second time.
        return isDeepStrictEqual(normalized({ sessions: out }), out);
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);
});

/** What the fake server does with one request. */
type Answer =
  | { kind: 'network'; code: string }
  | { kind: 'http'; status: number; headers: Record<string, string>; body: string };

const echoed = fc.constantFrom(
  PASSWORD,
  'pa ss word-42',
  'pa  ss word-42',
  COOKIE,
  `ss-id=${COOKIE}`,
  'nothing secret',
);

const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      code: fc.constantFrom('ECONNRESET', 'ENOTFOUND', 'UND_ERR_SOCKET', 'CERT_HAS_EXPIRED', 'X'),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('http' as const),
      status: fc.oneof(
        fc.constantFrom(200, 200, 200, 204, 302, 400, 401, 403, 404, 429, 500, 502, 503),
        fc.integer({ min: 200, max: 599 }),
      ),
      headers: fc.record(
        {
          'Retry-After': fc.oneof(fc.nat({ max: 100 }).map(String), fc.string({ maxLength: 30 })),
          'Content-Type': fc.constantFrom('application/json', 'text/html', ''),
        },
        { requiredKeys: [] },
      ),
      body: fc.oneof(
        body.map((b) => JSON.stringify(b) ?? ''),
        fc
          .tuple(echoed, fc.string({ maxLength: 20 }))
          .map(([secret, more]) =>
            JSON.stringify({ responseStatus: { message: `${more} ${secret} ${more}` } }),
          ),
        fc.string({ maxLength: 40 }),
      ),
    }),
  },
);

describe(`the client under fast-check (${RUNS} runs)`, () => {
  it('lists calls or fails with an EvoApiError in one short line, without the password or cookie', async () => {
    let next: Answer = { kind: 'http', status: 200, headers: {}, body: '{"sessions":[]}' };
    const fetch = (async (input: URL | string) => {
      const path = new URL(String(input)).pathname;
      if (path === '/auth/credentials') {
        return Response.json({}, { headers: { 'Set-Cookie': `ss-id=${COOKIE}; Path=/` } });
      }
      if (path === '/auth/status') return Response.json({ isAuthenticated: true, name: 'Ann' });
      if (next.kind === 'network') {
        throw new TypeError('fetch failed', { cause: { code: next.code } });
      }
      const status = next.status === 204 && next.body !== '' ? 200 : next.status;
      return new Response(status === 204 ? null : next.body, { status, headers: next.headers });
    }) as unknown as typeof globalThis.fetch;
    let now = Date.parse('2026-12-01T09:00:00Z');
    const api = createEvoClient({ fetch, now: () => now });
    let signedIn = false;
    /** Runs where the server's echo of a secret reached an error, masked. */
    let masked = 0;

    await fc.assert(
      fc.asyncProperty(answerArb, async (answer) => {
        if (!signedIn) {
          now += 3_600_000; // past the hourly sign-in budget, whatever came before
          await api.signIn('https://evo.example', 'ann', PASSWORD);
          signedIn = true;
        }
        next = answer;
        try {
          return Array.isArray(await api.getMySessions());
        } catch (e) {
          if (!(e instanceof EvoApiError)) return false;
          if (e.kind === 'rejected-credentials') signedIn = false;
          if (e.details.serverMessage?.includes('•••')) masked += 1;
          return [e.message, e.details.serverMessage ?? ''].every(
            (text) =>
              !/[\n\r]/.test(text) &&
              text.length < 400 &&
              !text.includes(PASSWORD) &&
              !text.includes('pa ss word-42') &&
              !text.includes(COOKIE),
          );
        }
      }),
      { numRuns: RUNS },
    );
    expect(masked).toBeGreaterThan(RUNS / 100);
  }, 120_000);
});
