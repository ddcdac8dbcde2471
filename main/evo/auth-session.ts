// The signed-in session with Evo Voice: ServiceStack credentials sign-in, cookies (and a bearer
// token if the server hands one out) kept in memory, and one path for every signed-in request:
// a 401 means the server session is gone, so the cookies are too. Every error leaves masked.
import { EvoApiError, isEvoApiError, type EvoApi } from './api.js';
import { createCookieJar } from './cookies.js';
import { readKey } from './field-table.js';
import { isRecord } from '../boundary/records.js';
import { createHeldSecrets, withoutSecrets } from './held-secrets.js';
import type { Purpose } from './http-errors.js';
import { normalizeProfile } from './normalize.js';
import { SIGNING_IN, SIGNING_OUT } from './purposes.js';
import { send, type EvoRequest, type Transport } from './request.js';
import { parseServerUrl } from './server-url.js';
import { waitForSignIn, withAttempt } from './sign-in-budget.js';
import type { Logger } from '../log.js';

export interface CallExtra {
  body?: unknown;
  signal?: AbortSignal;
  /** The answer's headers, when it is a success (the Date header, for ringing latency). */
  onHeaders?: (headers: Headers) => void;
}

/** How a request is exchanged: `send` (parsed JSON) unless a route reads bytes itself. */
export type Exchange<T> = (
  transport: Transport,
  request: EvoRequest,
) => Promise<{ status: number; headers: Headers; body: T }>;

export interface AuthSession {
  signIn: EvoApi['signIn'];
  signOut: EvoApi['signOut'];
  /** One signed-in request, sent once. Refused before sending when not signed in. */
  signedIn<T = unknown>(
    method: EvoRequest['method'],
    path: string,
    purpose: Purpose,
    extra?: CallExtra,
    exchange?: Exchange<T>,
  ): Promise<T>;
  /** A telephony token read from an answer: held only to be masked out of later errors. */
  heardTelephonyToken(token: string): void;
}

const parsedJson: Exchange<unknown> = (transport, request) => send(transport, request);

export function createAuthSession(transport: Transport, log: Logger): AuthSession {
  const jar = createCookieJar();
  const held = createHeldSecrets();
  let server: URL | undefined;
  let bearerToken: string | undefined;
  let signedIn = false;
  /** When the sign-ins since the last accepted one were sent: at most a handful an hour. */
  let signInAttempts: number[] = [];
  // Bumped at every sign-in and sign-out, so a late answer cannot refill a jar it left.
  let generation = 0;

  const secretsNow = () => held.now({ bearerToken, cookies: jar.values() });
  const sessionTransport: Transport = {
    ...transport,
    mask: (text) => held.maskerOf(secretsNow())(text),
  };

  function forget(): void {
    jar.clear();
    bearerToken = undefined;
    signedIn = false;
    generation += 1;
  }

  function authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    const cookie = jar.header();
    if (cookie !== undefined) headers.Cookie = cookie;
    if (bearerToken !== undefined) headers.Authorization = `Bearer ${bearerToken}`;
    return headers;
  }

  async function call<T>(
    base: URL,
    method: EvoRequest['method'],
    path: string,
    purpose: Purpose,
    extra: CallExtra,
    exchange: Exchange<T>,
  ): Promise<T> {
    const url = new URL(path, base);
    const started = generation;
    // The secrets of before the call too: a 401 empties the jar before the error is masked.
    const before = held.maskerOf(secretsNow());
    try {
      const { body, signal } = extra;
      const request = { method, url, body, headers: authHeaders(), purpose, signal };
      const response = await exchange(sessionTransport, request);
      if (generation === started) jar.store(response.headers, transport.now());
      extra.onHeaders?.(response.headers);
      log.debug(`Evo Voice ${method} ${url.pathname}: ${response.status}`);
      return response.body;
    } catch (error) {
      const after = held.maskerOf(secretsNow());
      const safe = withoutSecrets(error, (text) => after(before(text)));
      log.debug(`Evo Voice ${method} ${url.pathname}: ${safe.kind} (${safe.status ?? '-'})`);
      throw safe;
    }
  }

  return {
    async signIn(serverSetting, user, secret, signal) {
      const base = parseServerUrl(serverSetting);
      const waitMs = waitForSignIn(signInAttempts, transport.now());
      if (waitMs > 0) throw tooManySignIns(waitMs);
      signInAttempts = withAttempt(signInAttempts, transport.now());
      forget();
      server = base;
      held.signingInAs(user, secret);
      const started = generation;
      try {
        const credentials = { provider: 'credentials', userName: user, password: secret };
        const body = { ...credentials, rememberMe: true };
        const answer = await call(
          base,
          'POST',
          'auth/credentials',
          SIGNING_IN,
          { body, signal },
          parsedJson,
        );
        const token = isRecord(answer) ? readKey(answer, 'bearerToken') : undefined;
        if (typeof token === 'string' && token.trim() !== '') bearerToken = token.trim();
        const status = await call(base, 'GET', 'auth/status', SIGNING_IN, { signal }, parsedJson);
        if (isRecord(status) && readKey(status, 'isAuthenticated') === false) {
          throw new EvoApiError(
            'rejected-credentials',
            'Sign-in was rejected: Evo Voice did not keep the session. Try again.',
            { reason: 'session-not-kept' },
          );
        }
        const profile = normalizeProfile(status, user);
        if (generation !== started) {
          throw new EvoApiError('rejected-credentials', 'Sign-in was cancelled.', {
            reason: 'sign-in-cancelled',
          });
        }
        signedIn = true;
        signInAttempts = [];
        return profile;
      } catch (error) {
        if (generation === started) forget();
        throw error;
      }
    },

    async signedIn<T>(
      method: EvoRequest['method'],
      path: string,
      purpose: Purpose,
      extra: CallExtra = {},
      exchange: Exchange<T> = parsedJson as Exchange<T>,
    ): Promise<T> {
      if (!signedIn || server === undefined) {
        throw new EvoApiError(
          'rejected-credentials',
          'Not signed in to Evo Voice: sign in first.',
          {
            reason: 'not-signed-in',
          },
        );
      }
      const started = generation;
      try {
        return await call(server, method, path, purpose, extra, exchange);
      } catch (error) {
        if (isEvoApiError(error, 'rejected-credentials') && generation === started) forget();
        throw error;
      }
    },

    heardTelephonyToken: (token) => held.heardTelephonyToken(token),

    async signOut() {
      const base = server;
      const headers = authHeaders();
      const wasSignedIn = signedIn;
      forget();
      held.clear();
      if (base === undefined || !wasSignedIn) return;
      try {
        const url = new URL('auth/logout', base);
        await send(sessionTransport, { method: 'POST', url, headers, purpose: SIGNING_OUT });
      } catch (error) {
        // Signed out here either way; the server session will expire on its own.
        const kind = isEvoApiError(error) ? error.kind : 'error';
        log.debug(`Evo Voice sign-out did not reach the server (${kind})`);
      }
    },
  };
}

function tooManySignIns(waitMs: number): EvoApiError {
  const minutes = Math.ceil(waitMs / 60_000);
  return new EvoApiError(
    'rate-limited',
    `Several sign-ins failed within the hour, so no more are sent for now (the account could be locked); the next in ${minutes} min.`,
    { retryAfterMs: waitMs, reason: 'too-many-sign-ins' },
  );
}
