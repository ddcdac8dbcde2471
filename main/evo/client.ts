// The Evo Voice HTTP client: ServiceStack credentials sign-in, cookies (and a bearer token if
// the server hands one out) kept in memory, then the session calls. Node's fetch; no Electron.
import { EvoApiError, isEvoApiError } from './api.js';
import type { EvoApi } from './api.js';
import type { AgentStateApi } from './app-config.js';
import type { HistoryApi } from './history-page.js';
import { createCookieJar } from './cookies.js';
import { isRecord, readKey } from './field-table.js';
import type { DroppedField } from './field-table.js';
import type { Purpose } from './http-errors.js';
import { normalizeProfile, normalizeSession } from './normalize.js';
import { send, sendForBytes } from './request.js';
import type { EvoRequest } from './request.js';
import { createSessionListReader } from './session-list.js';
import { waitForSignIn, withAttempt } from './sign-in-budget.js';
import type { Transport } from './request.js';
import { parseServerUrl } from './server-url.js';
import type { AgentProfile, Session } from '../boundary/session.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';
import { historyPath, parseHistoryPage } from './history-page.js';
import { APP_CONFIG_PATH, parseAgentState, telephonyTokenOf } from './app-config.js';
import { isUnsafeSegment, UnsafePathSegment } from './path-segment.js';
import { createMasker, type Masker, type Secrets } from './secret-mask.js';

export interface EvoClientOptions {
  /** Deadline for each request, headers and body together. Default 10 s. */
  timeoutMs?: number;
  /**
   * Larger answers are refused, read no further (an answer of its own kind: see
   * watch/failure.ts). Only against abuse: 64 MB is some 28,000 calls with every field.
   */
  maxBodyBytes?: number;
  fetch?: typeof fetch;
  userAgent?: string;
  /** For Retry-After dates and cookie expiry. Default Date.now. */
  now?: () => number;
  /** Method, path and outcome only: never a header or a body. */
  logger?: Logger;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

const SIGNING_IN: Purpose = {
  signingIn: true,
  notFound: 'There is no Evo Voice sign-in at this address. Check the server address.',
};
const LISTING: Purpose = {
  signingIn: false,
  notFound: 'This server does not list calls (no /sessions/my). Check the server address.',
};
const LOOKING_UP: Purpose = {
  signingIn: false,
  notFound: 'This call is no longer on Evo Voice (it may have been archived).',
};
const READING_HISTORY: Purpose = {
  signingIn: false,
  notFound: 'This server has no call history (no /portal/call-history).',
};
const READING_AGENT_STATE: Purpose = {
  signingIn: false,
  notFound: 'This server does not say the agent state (no /app/config).',
};
const SIGNING_OUT: Purpose = { signingIn: false, notFound: 'Already signed out.' };
const ACTING: Purpose = { signingIn: false, notFound: 'This call has already ended.' };

/** Cookie values shorter than this are flags (`ss-opt=perm`), not session secrets. */
const MIN_SECRET_COOKIE_CHARS = 8;

/** Telephony tokens remembered for masking: a rotating token's last few, not every one. */
const MAX_MASKED_TOKENS = 4;

interface CallExtra {
  body?: unknown;
  signal?: AbortSignal;
  /** The answer's headers, when it is a success (the Date header, for ringing latency). */
  onHeaders?: (headers: Headers) => void;
}

/** The client: the session calls, and what the away check and the agent state read. */
export type EvoClient = EvoApi & HistoryApi & AgentStateApi;

export function createEvoClient(options: EvoClientOptions = {}): EvoClient {
  const now = options.now ?? Date.now;
  const log = options.logger ?? silentLogger;
  const dropped = droppedOnce(log);
  /** The password of the last sign-in, kept only to mask it out of every call's errors. */
  let password = '';
  let username: string | undefined;
  /**
   * The telephony tokens GET /app/config handed out, kept only to mask them out of every
   * call's errors (a server may echo one back): never sent, logged or passed on.
   */
  let telephonyTokens: string[] = [];
  const transport: Transport = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    userAgent: options.userAgent ?? 'EvoVoiceTray/0.1',
    now,
    mask: (text) => masker(secrets())(text),
  };
  const jar = createCookieJar();
  /** What the last `GET /sessions/my` read, reused by the next one (session-list.ts). */
  const sessionList = createSessionListReader(dropped);
  let server: URL | undefined;
  let bearerToken: string | undefined;
  let signedIn = false;
  /** The Date header of the last listing: the server's clock, for alert latency. */
  let listingDate: string | undefined;
  /** When the sign-ins since the last accepted one were sent: at most a handful an hour. */
  let signInAttempts: number[] = [];
  // Bumped at every sign-in and sign-out, so a late answer cannot refill a jar it left.
  let generation = 0;

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

  /** Everything to mask, as the client holds it now. */
  function secrets(): Secrets {
    return {
      password,
      ...(username === undefined ? {} : { username }),
      tokens: bearerToken === undefined ? telephonyTokens : [...telephonyTokens, bearerToken],
      cookies: jar.values().filter((v) => v.length >= MIN_SECRET_COOKIE_CHARS),
    };
  }

  // The masker is rebuilt only when the secrets change: its encoded forms are computed once.
  let maskerKey = '';
  let lastMasker: Masker = (text) => text;
  function masker(held: Secrets): Masker {
    const key = JSON.stringify(held);
    if (key !== maskerKey) {
      maskerKey = key;
      lastMasker = createMasker(held);
    }
    return lastMasker;
  }

  async function call(
    base: URL,
    method: EvoRequest['method'],
    path: string,
    purpose: Purpose,
    extra: CallExtra = {},
  ): Promise<unknown> {
    return callFor(base, method, path, purpose, extra, (request) => send(transport, request));
  }

  async function callFor<T>(
    base: URL,
    method: EvoRequest['method'],
    path: string,
    purpose: Purpose,
    extra: CallExtra,
    exchange: (request: EvoRequest) => Promise<{ status: number; headers: Headers; body: T }>,
  ): Promise<T> {
    const url = new URL(path, base);
    const started = generation;
    // The secrets of before the call too: a 401 empties the jar before the error is masked.
    const known = secrets();
    try {
      const response = await exchange({
        method,
        url,
        body: extra.body,
        headers: authHeaders(),
        purpose,
        signal: extra.signal,
      });
      if (generation === started) jar.store(response.headers, now());
      extra.onHeaders?.(response.headers);
      log.debug(`Evo Voice ${method} ${url.pathname}: ${response.status}`);
      return response.body;
    } catch (error) {
      const now = secrets();
      const safe = withoutSecrets(error, (text) => masker(now)(createMasker(known)(text)));
      log.debug(`Evo Voice ${method} ${url.pathname}: ${safe.kind} (${safe.status ?? '-'})`);
      throw safe;
    }
  }

  /** Signed-in calls: a 401 means the server session is gone, so the cookies are too. */
  async function authenticated(
    path: string,
    purpose: Purpose,
    signal: AbortSignal | undefined,
    onHeaders?: (headers: Headers) => void,
  ): Promise<unknown> {
    return authenticatedFor(
      path,
      purpose,
      signal,
      (request) => send(transport, request),
      onHeaders,
    );
  }

  async function authenticatedFor<T>(
    path: string,
    purpose: Purpose,
    signal: AbortSignal | undefined,
    exchange: (request: EvoRequest) => Promise<{ status: number; headers: Headers; body: T }>,
    onHeaders?: (headers: Headers) => void,
  ): Promise<T> {
    if (!signedIn || server === undefined) {
      throw new EvoApiError('rejected-credentials', 'Not signed in to Evo Voice: sign in first.');
    }
    const started = generation;
    try {
      return await callFor(server, 'GET', path, purpose, { signal, onHeaders }, exchange);
    } catch (error) {
      const expired = isEvoApiError(error, 'rejected-credentials');
      if (expired && generation === started) forget();
      throw error;
    }
  }

  return {
    async signIn(serverSetting, user, secret, signal): Promise<AgentProfile> {
      const base = parseServerUrl(serverSetting);
      const waitMs = waitForSignIn(signInAttempts, now());
      if (waitMs > 0) throw tooManySignIns(waitMs);
      signInAttempts = withAttempt(signInAttempts, now());
      forget();
      server = base;
      password = secret;
      username = user;
      telephonyTokens = [];
      const started = generation;
      try {
        const answer = await call(base, 'POST', 'auth/credentials', SIGNING_IN, {
          body: { provider: 'credentials', userName: user, password: secret, rememberMe: true },
          signal,
        });
        const token = isRecord(answer) ? readKey(answer, 'bearerToken') : undefined;
        if (typeof token === 'string' && token.trim() !== '') bearerToken = token.trim();
        const status = await call(base, 'GET', 'auth/status', SIGNING_IN, { signal });
        if (isRecord(status) && readKey(status, 'isAuthenticated') === false) {
          throw new EvoApiError(
            'rejected-credentials',
            'Sign-in was rejected: Evo Voice did not keep the session. Try again.',
          );
        }
        const profile = normalizeProfile(status, user);
        if (generation !== started) {
          throw new EvoApiError('rejected-credentials', 'Sign-in was cancelled.');
        }
        signedIn = true;
        signInAttempts = [];
        return profile;
      } catch (error) {
        if (generation === started) forget();
        throw error;
      }
    },

    async getMySessions(signal?: AbortSignal): Promise<Session[]> {
      const body = await authenticatedFor(
        'sessions/my',
        LISTING,
        signal,
        (request) => sendForBytes(transport, request, sessionList.takeSpare()),
        (headers) => {
          listingDate = headers.get('date') ?? undefined;
        },
      );
      return sessionList.read(body);
    },

    lastListingDate: () => listingDate,

    async getSession(id: string, signal?: AbortSignal): Promise<Session> {
      if (id === '' || /^\.+$/.test(id)) throw new EvoApiError('not-found', LOOKING_UP.notFound);
      // ListSessions, as the vendor's client reads a log: GET /sessions/{id} strips it.
      const query = new URLSearchParams({ specificIds: id, countPerPage: '1' });
      const body = await authenticated(`sessions?${query}`, LOOKING_UP, signal);
      const items = isRecord(body) ? readKey(body, 'items') : undefined;
      if (Array.isArray(items) && items.length === 0) {
        throw new EvoApiError('not-found', LOOKING_UP.notFound, { status: 404 });
      }
      const session = Array.isArray(items) ? normalizeSession(items[0], dropped) : null;
      if (session === null || session.id !== id) {
        throw new EvoApiError(
          'bad-response',
          'Evo Voice answered without the call that was asked for. Try again in a moment.',
        );
      }
      return session;
    },

    async sendAction(request, signal): Promise<void> {
      if (!signedIn || server === undefined) {
        throw new EvoApiError('rejected-credentials', 'Not signed in to Evo Voice: sign in first.');
      }
      const segments = request.path.replace(/^\/+/, '').split('/');
      // Built by pathSegment (call-actions/requests.ts); checked again, as nothing else guards
      // this route: a dot segment would send the action to another route.
      if (segments.some(isUnsafeSegment)) throw new UnsafePathSegment(request.path);
      const query = new URLSearchParams(request.query ?? {}).toString();
      const path = segments.join('/') + (query === '' ? '' : `?${query}`);
      const started = generation;
      try {
        // Sent once: a 401 forgets the session like any signed-in call; nothing here resends.
        await call(server, request.method, path, ACTING, {
          signal,
          ...(request.body === undefined ? {} : { body: request.body }),
        });
      } catch (error) {
        if (isEvoApiError(error, 'rejected-credentials') && generation === started) forget();
        throw error;
      }
    },

    async getCallHistory(page, countPerPage, signal) {
      const body = await authenticated(historyPath(page, countPerPage), READING_HISTORY, signal);
      return parseHistoryPage(body, countPerPage);
    },

    async getAgentState(signal) {
      // The answer holds a telephony token: only the agent state leaves this line, and the
      // token is remembered here only to be masked out of later errors.
      const body = await authenticated(APP_CONFIG_PATH, READING_AGENT_STATE, signal);
      const token = telephonyTokenOf(body);
      if (token !== undefined && !telephonyTokens.includes(token)) {
        telephonyTokens = [...telephonyTokens, token].slice(-MAX_MASKED_TOKENS);
      }
      return parseAgentState(body);
    },

    async signOut(): Promise<void> {
      const base = server;
      const headers = authHeaders();
      const wasSignedIn = signedIn;
      forget();
      password = '';
      username = undefined;
      telephonyTokens = [];
      if (base === undefined || !wasSignedIn) return;
      try {
        await send(transport, {
          method: 'POST',
          url: new URL('auth/logout', base),
          headers,
          purpose: SIGNING_OUT,
        });
      } catch (error) {
        // Signed out here either way; the server session will expire on its own.
        const kind = isEvoApiError(error) ? error.kind : 'error';
        log.debug(`Evo Voice sign-out did not reach the server (${kind})`);
      }
    },
  };
}

/**
 * A field left behind for its type is logged once per field and client (one run of the app),
 * not at every poll: by its name and the JSON type sent, never its value.
 */
function droppedOnce(log: Logger): DroppedField {
  const told = new Set<string>();
  return (field, type) => {
    if (told.has(field)) return;
    told.add(field);
    log.warn(
      `Evo Voice sent the call field ${field} as ${type}; this app cannot read it and ignores it.`,
    );
  };
}

function tooManySignIns(waitMs: number): EvoApiError {
  const minutes = Math.ceil(waitMs / 60_000);
  return new EvoApiError(
    'rate-limited',
    `Several sign-ins failed within the hour, so no more are sent for now (the account could be locked); the next in ${minutes} min.`,
    { retryAfterMs: waitMs },
  );
}

/** The same error with every secret the client holds masked out of its words. */
function withoutSecrets(error: unknown, mask: Masker): EvoApiError {
  const original =
    error instanceof EvoApiError
      ? error
      : new EvoApiError('bad-response', 'Evo Voice answered in a way this app cannot read.');
  const details = { ...original.details };
  if (details.serverMessage !== undefined) details.serverMessage = mask(details.serverMessage);
  return new EvoApiError(original.kind, mask(original.message), details);
}
