// The agent reads sentences, not raw codes, for faults a real server can cause: proved against
// a loopback stub (real sockets, real undici), not a fetch that throws a made-up error.
import { describe, expect, it } from 'vitest';
import { unreachable } from '../../main/app/account-words.js';
import { signInPatiently } from '../../main/cli/sign-in.js';
import type { Clock } from '../../main/watch/clock.js';
import { stubbedClients } from './stubbed-client.js';
import { defaults, json, PASSWORD, type Route } from './stub-server.js';

const { secrets, stub, client } = stubbedClients();

/** Runs every wait at once, remembering how long it was asked to be. */
function instantClock(): Clock & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    now: () => 0,
    setTimeout(fn, ms) {
      waits.push(ms);
      queueMicrotask(fn);
      return waits.length;
    },
    clearTimeout() {},
  };
}

describe('raw faults in words, against a stub server', () => {
  it('a header larger than Node reads is "an answer too large", not UND_ERR_HEADERS_OVERFLOW', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Padding': 'a'.repeat(64_000) });
        res.end('{}');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `Cannot reach ${new URL(url).host}: the server sent an answer too large to read.`,
    );
    expect(error.message).not.toMatch(/UND_ERR|network error/i);
  });

  it('a 429 at sign-in says when once: "trying again in 1 s", and the app\'s detail has no second hint', async () => {
    let busy = 1;
    const { url } = await stub({
      '/auth/credentials': (req, res) => {
        if (busy-- > 0) {
          json(
            res,
            429,
            { responseStatus: { message: 'Too many requests' } },
            { 'Retry-After': '1' },
          );
          return;
        }
        (defaults['/auth/credentials'] as Route)(req, res);
      },
    });
    const api = client();
    const warnings: string[] = [];
    const clock = instantClock();
    const outcome = await signInPatiently({
      api,
      server: url,
      username: 'ann',
      password: PASSWORD,
      clock,
      random: () => 0,
      intervalMs: 500,
      log: { debug() {}, info() {}, error() {}, warn: (m) => warnings.push(m) },
      signal: new AbortController().signal,
    });
    expect(outcome.kind).toBe('signed-in');
    expect(clock.waits).toEqual([1000]);
    expect(warnings).toEqual([
      `Could not sign in to ${url}: Evo Voice is busy (429 Too Many Requests); trying again in 1 s.`,
    ]);

    busy = 1;
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.message).toBe('Evo Voice is busy (429 Too Many Requests); try again in 1 s.');
    expect(unreachable(error).detail).toBe('Evo Voice is busy (429 Too Many Requests). Retrying…');
    for (const text of [...warnings, unreachable(error).detail]) {
      expect(text).not.toMatch(/try again.*trying again|try again in \d+ s\. Retrying/i);
    }
  });
});
