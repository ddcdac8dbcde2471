// What an untrusted answer cannot do to the normalizer: plant prototypes or unknown keys,
// crash it, or pass a body that is not a list of calls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEvoApiError } from '../../main/evo/api.js';
import { normalizeSession, normalizeSessions, sessionFields } from '../../main/evo/normalize.js';

function badResponse(body: unknown): unknown {
  try {
    normalizeSessions(body);
  } catch (e) {
    return e;
  }
  throw new Error('normalizeSessions accepted a body it should refuse');
}

describe('normalizing a hostile or broken GET /sessions/my', () => {
  it('takes no prototype and no key it does not know from a hostile answer', () => {
    const hostile = JSON.parse(`{
      "sessions": [{
        "id": "s1",
        "__proto__": { "polluted": "yes" },
        "constructor": { "prototype": { "polluted": "yes" } },
        "prototype": { "polluted": "yes" },
        "isAdmin": true,
        "members": [{
          "__proto__": { "polluted": "yes" },
          "applicationData": {
            "__proto__": { "polluted": "yes" },
            "constructor": "yes",
            "prototype": "yes",
            "queue": "Sales"
          }
        }]
      }]
    }`) as unknown;
    const [session] = normalizeSessions(hostile);
    // Copying a `__proto__` key by assignment would swap the copy's prototype.
    expect(Object.getPrototypeOf(session)).toBe(Object.prototype);
    expect(Object.keys(session ?? {})).toEqual(['id', 'members']);
    const member = session?.members?.[0];
    expect(Object.getPrototypeOf(member)).toBe(Object.prototype);
    expect(Object.keys(member ?? {})).toEqual(['applicationData']);
    const data = member?.applicationData ?? {};
    expect(Object.keys(data)).toEqual(['queue']);
    expect(Object.getPrototypeOf(data)).toBeNull(); // a dictionary: no prototype at all
    expect(Object.hasOwn(data, '__proto__')).toBe(false);
    expect(Object.hasOwn(data, 'constructor')).toBe(false);
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'sessions'],
    ['an array', [{ id: 's1' }]],
    ['an object without sessions', { items: [] }],
    ['sessions that are a number', { sessions: 5 }],
    ['sessions that are an object', { sessions: { id: 's1' } }],
    ['sessions that are null', { sessions: null }],
  ])('refuses a body that is %s with a bad-response error the agent can act on', (_, body) => {
    const error = badResponse(body);
    expect(isEvoApiError(error, 'bad-response')).toBe(true);
    expect((error as Error).message).toMatch(/list of calls/);
    expect((error as Error).message).toMatch(/server address/);
  });

  it('never throws on any JSON for a single session and emits only known fields', () => {
    const known = new Set(Object.keys(sessionFields));
    const json = fc.jsonValue();
    const sessionLike = fc.dictionary(
      fc.oneof(
        fc.constantFrom(...known, '__proto__', 'constructor', 'Id', 'CallState'),
        fc.string(),
      ),
      json,
    );
    fc.assert(
      fc.property(fc.oneof(json, sessionLike), (raw) => {
        const session = normalizeSession(raw);
        if (session === null) return;
        expect(typeof session.id).toBe('string');
        for (const key of Object.keys(session)) expect(known.has(key)).toBe(true);
      }),
    );
  });
});
