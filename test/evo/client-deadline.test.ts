// The request deadline and the caller's abort, on a fake clock with a fetch that never answers
// until its signal gives up (as fetch does).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { createEvoClient, DEFAULT_TIMEOUT_MS } from '../../main/evo/client.js';
import type { EvoClientOptions } from '../../main/evo/client.js';

const SERVER = 'https://evo.test';

/** Answers sign-in at once; every path in `hanging` waits for its signal. */
function fakeFetch(hanging: string[]) {
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const signal = init?.signal ?? undefined;
    if (hanging.includes(path)) {
      return new Promise<Response>((_resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (path === '/auth/status') return Response.json({ name: 'Ann', isAuthenticated: true });
    return Response.json({ sessions: [] });
  });
  return { fetch };
}

/** The outcome of a call, without letting its rejection go unhandled while time is faked. */
function settle<T>(call: Promise<T>) {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  call.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

async function signedIn(hanging: string[], options: EvoClientOptions = {}) {
  const fake = fakeFetch(hanging);
  const api = createEvoClient({ fetch: fake.fetch as typeof fetch, ...options });
  await api.signIn(SERVER, 'ann', 'a password');
  return { api, ...fake };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-02T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the request deadline', () => {
  it('gives up on a request after 10 s by default, not before', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    const { api } = await signedIn(['/sessions/my']);
    const listing = settle(api.getMySessions());
    await vi.advanceTimersByTimeAsync(9_999);
    expect(listing.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(listing.error).toBeInstanceOf(EvoApiError);
    expect(listing.error).toMatchObject({
      kind: 'timeout',
      message:
        'evo.test did not answer within 10 s. Check your connection; it will be tried again.',
    });
  });

  it('honours a timeoutMs setting', async () => {
    const { api } = await signedIn(['/sessions/my'], { timeoutMs: 2500 });
    const listing = settle(api.getMySessions());
    await vi.advanceTimersByTimeAsync(2499);
    expect(listing.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(listing.error).toMatchObject({ kind: 'timeout' });
  });
});

describe("the caller's abort", () => {
  it('a listing gives up at once when its signal is aborted, as cancelled, not timed out', async () => {
    const { api } = await signedIn(['/sessions/my']);
    const stopping = new AbortController();
    const listing = settle(api.getMySessions(stopping.signal));
    await vi.advanceTimersByTimeAsync(1000);
    stopping.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(listing.error).toMatchObject({
      kind: 'cancelled',
      message: 'Stopped waiting for evo.test.',
    });
  });

  it('a lookup gives up at once too', async () => {
    const { api } = await signedIn(['/sessions']);
    const stopping = new AbortController();
    const lookup = settle(api.getSession('s1', stopping.signal));
    stopping.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(lookup.error).toMatchObject({ kind: 'cancelled' });
  });

  it('a sign-in gives up at once and leaves the client signed out', async () => {
    const { fetch } = fakeFetch(['/auth/credentials']);
    const api = createEvoClient({ fetch: fetch as typeof fetch });
    const stopping = new AbortController();
    const signingIn = settle(api.signIn(SERVER, 'ann', 'a password', stopping.signal));
    stopping.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(signingIn.error).toMatchObject({ kind: 'cancelled' });
    await expect(api.getMySessions()).rejects.toMatchObject({ kind: 'rejected-credentials' });
  });

  it('a request given an already aborted signal fails at once as cancelled', async () => {
    const { api } = await signedIn(['/sessions/my']);
    const listing = settle(api.getMySessions(AbortSignal.abort()));
    await vi.advanceTimersByTimeAsync(0);
    expect(listing.error).toMatchObject({ kind: 'cancelled' });
  });

  it('the deadline still applies to a request given a signal', async () => {
    const { api } = await signedIn(['/sessions/my']);
    const listing = settle(api.getMySessions(new AbortController().signal));
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
    expect(listing.error).toMatchObject({ kind: 'timeout' });
  });
});
