// At sign-in, a 400 or 403 is a refusal in the server's words (never sent again by the
// callers), and however the callers retry, at most a handful of sign-ins leave per hour.
import { describe, expect, it } from 'vitest';
import { isEvoApiError } from '../../main/evo/api.js';
import { createEvoClient } from '../../main/evo/client.js';
import { SIGN_IN_ATTEMPTS_PER_HOUR } from '../../main/evo/sign-in-budget.js';

const SERVER = 'https://team.evovoice.io';

function fakeServer(answer: () => Response) {
  let now = Date.parse('2026-03-02T10:00:00Z');
  const sent: string[] = [];
  const fetch = (async (url: URL) => {
    sent.push(url.pathname);
    if (url.pathname === '/auth/status') {
      return Response.json({ isAuthenticated: true, displayName: 'Ann' });
    }
    return answer();
  }) as unknown as typeof globalThis.fetch;
  const api = createEvoClient({ fetch, now: () => now });
  return { api, sent, advance: (ms: number) => void (now += ms) };
}

const refused = (status: number, message: string) => () =>
  Response.json({ responseStatus: { message } }, { status });

describe('sign-in refusals and the hourly budget', () => {
  it.each([
    [403, 'Account locked'],
    [400, 'Password expired'],
  ])('a %i at sign-in is a refusal in the server words', async (status, message) => {
    const { api } = fakeServer(refused(status, message));
    const error = await api.signIn(SERVER, 'ann', 'pw-123456').catch((e: unknown) => e);
    expect(isEvoApiError(error, 'rejected-credentials')).toBe(true);
    expect((error as Error).message).toBe(`Sign-in was refused: ${message}.`);
  });

  it('a 403 on a call after sign-in stays "not allowed", not a refusal of the password', async () => {
    let signedIn = false;
    const { api } = fakeServer(() => {
      if (!signedIn) return ((signedIn = true), Response.json({}));
      return refused(403, 'No role')();
    });
    await api.signIn(SERVER, 'ann', 'pw-123456');
    await expect(api.getMySessions()).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('sends at most a handful of failing sign-ins an hour, then one more when the hour has passed', async () => {
    const server = fakeServer(() => new Response('busy', { status: 503 }));
    const kinds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const e = await server.api.signIn(SERVER, 'ann', 'pw-123456').catch((x: unknown) => x);
      kinds.push(isEvoApiError(e) ? e.kind : 'none');
      server.advance(60_000);
    }
    expect(server.sent.filter((p) => p === '/auth/credentials')).toHaveLength(
      SIGN_IN_ATTEMPTS_PER_HOUR,
    );
    expect(new Set(kinds)).toEqual(new Set(['rate-limited']));
    const blocked = await server.api.signIn(SERVER, 'ann', 'x').catch((e: unknown) => e);
    expect(blocked).toMatchObject({ kind: 'rate-limited' });
    expect((blocked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    server.advance(40 * 60_000);
    await server.api.signIn(SERVER, 'ann', 'x').catch(() => {});
    expect(server.sent.filter((p) => p === '/auth/credentials')).toHaveLength(
      SIGN_IN_ATTEMPTS_PER_HOUR + 1,
    );
  });

  it('an accepted sign-in resets the budget: signing in and out all day is fine', async () => {
    const { api, sent } = fakeServer(() => Response.json({}));
    for (let i = 0; i < 3 * SIGN_IN_ATTEMPTS_PER_HOUR; i++) {
      await api.signIn(SERVER, 'ann', 'pw-123456');
      await api.signOut();
    }
    expect(sent.filter((p) => p === '/auth/credentials')).toHaveLength(
      3 * SIGN_IN_ATTEMPTS_PER_HOUR,
    );
  });
});

describe('network words', () => {
  it('a huge header reads as a sentence, not a code', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'UND_ERR_HEADERS_OVERFLOW' } });
    }) as unknown as typeof globalThis.fetch;
    const error = await createEvoClient({ fetch })
      .signIn(SERVER, 'ann', 'pw-123456')
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Cannot reach team.evovoice.io: the server sent an answer too large to read.',
    );
  });
});
