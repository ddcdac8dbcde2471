// The Evo Voice HTTP client: the routes the app uses, each read through its parse boundary, over
// one signed-in session (auth-session.ts: sign-in, cookies, masking). Node's fetch, and
// node:http for the poll (listing-http.ts); no Electron.
import { EvoApiError } from './api.js';
import type { EvoApi } from './api.js';
import { APP_CONFIG_PATH, parseAgentState, telephonyTokenOf } from './app-config.js';
import type { AgentStateApi } from './app-config.js';
import { createAuthSession } from './auth-session.js';
import { readKey } from './field-table.js';
import { isRecord } from '../boundary/records.js';
import type { DroppedField } from './field-table.js';
import { historyPath, parseHistoryPage } from './history-page.js';
import type { HistoryApi } from './history-page.js';
import { createListingHttp } from './listing-http.js';
import { normalizeSession } from './normalize.js';
import { isUnsafeSegment, UnsafePathSegment } from './path-segment.js';
import { ACTING, LISTING, LOOKING_UP, READING_AGENT_STATE, READING_HISTORY } from './purposes.js';
import { sendForBytes } from './request.js';
import type { Transport } from './request.js';
import { createSessionListReader } from './session-list.js';
import type { Session } from '../boundary/session.js';
import { silentLogger } from '../log.js';
import type { Logger } from '../log.js';

export interface EvoClientOptions {
  /** Deadline for each request, headers and body together. Default 10 s. */
  timeoutMs?: number;
  /**
   * Larger answers are refused, read no further (an answer of its own kind: see
   * watch/failure.ts). Only against abuse: 64 MB is some 28,000 calls with every field.
   */
  maxBodyBytes?: number;
  /**
   * Every request goes through it when given (tests hand in a fake). Without it, the poll
   * (`GET /sessions/my`) goes over node:http (listing-http.ts), everything else over fetch.
   */
  fetch?: typeof fetch;
  userAgent?: string;
  /** For Retry-After dates and cookie expiry. Default Date.now. */
  now?: () => number;
  /** Method, path and outcome only: never a header or a body. */
  logger?: Logger;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The client: the session calls, and what the away check and the agent state read. */
export type EvoClient = EvoApi & HistoryApi & AgentStateApi;

export function createEvoClient(options: EvoClientOptions = {}): EvoClient {
  const log = options.logger ?? silentLogger;
  const dropped = droppedOnce(log);
  const transport: Transport = {
    fetch: options.fetch ?? globalThis.fetch,
    ...(options.fetch === undefined ? { exchangeBytes: createListingHttp() } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    userAgent: options.userAgent ?? 'EvoVoiceTray/0.1',
    now: options.now ?? Date.now,
  };
  const session = createAuthSession(transport, log);
  /** What the last `GET /sessions/my` read, reused by the next one (session-list.ts). */
  const sessionList = createSessionListReader(dropped);
  /** The Date header of the last listing: the server's clock, for alert latency. */
  let listingDate: string | undefined;

  return {
    signIn: (server, username, password, signal) =>
      session.signIn(server, username, password, signal),
    signOut: () => session.signOut(),

    async getMySessions(signal?: AbortSignal): Promise<Session[]> {
      const onHeaders = (headers: Headers) => {
        listingDate = headers.get('date') ?? undefined;
      };
      const body = await session.signedIn(
        'GET',
        'sessions/my',
        LISTING,
        { signal, onHeaders },
        (sessionTransport, request) =>
          sendForBytes(sessionTransport, request, sessionList.takeSpare()),
      );
      return sessionList.read(body);
    },

    lastListingDate: () => listingDate,
    lastListingEarlierOrder: () => sessionList.earlierOrder(),

    async getSession(id: string, signal?: AbortSignal): Promise<Session> {
      if (id === '' || /^\.+$/.test(id))
        throw new EvoApiError('not-found', LOOKING_UP.notFound, { purpose: 'looking-up' });
      // ListSessions, as the vendor's client reads a log: GET /sessions/{id} strips it.
      const query = new URLSearchParams({ specificIds: id, countPerPage: '1' });
      const body = await session.signedIn('GET', `sessions?${query}`, LOOKING_UP, { signal });
      const items = isRecord(body) ? readKey(body, 'items') : undefined;
      if (Array.isArray(items) && items.length === 0) {
        throw new EvoApiError('not-found', LOOKING_UP.notFound, {
          status: 404,
          purpose: 'looking-up',
        });
      }
      const found = Array.isArray(items) ? normalizeSession(items[0], dropped) : null;
      if (found === null || found.id !== id) {
        throw new EvoApiError(
          'bad-response',
          'Evo Voice answered without the call that was asked for. Try again in a moment.',
        );
      }
      return found;
    },

    async sendAction(request, signal): Promise<void> {
      const segments = request.path.replace(/^\/+/, '').split('/');
      // Built by pathSegment (call-actions/requests.ts); checked again, as nothing else guards
      // this route: a dot segment would send the action to another route.
      if (segments.some(isUnsafeSegment)) throw new UnsafePathSegment(request.path);
      const query = new URLSearchParams(request.query ?? {}).toString();
      const path = segments.join('/') + (query === '' ? '' : `?${query}`);
      // Sent once: a 401 forgets the session like any signed-in call; nothing here resends.
      const body = request.body === undefined ? {} : { body: request.body };
      await session.signedIn(request.method, path, ACTING, { signal, ...body });
    },

    async getCallHistory(page, countPerPage, signal) {
      const path = historyPath(page, countPerPage);
      const body = await session.signedIn('GET', path, READING_HISTORY, { signal });
      return parseHistoryPage(body, countPerPage);
    },

    async getAgentState(signal) {
      // The answer holds a telephony token: only the agent state leaves this line, and the
      // token is remembered by the session only to be masked out of later errors.
      const body = await session.signedIn('GET', APP_CONFIG_PATH, READING_AGENT_STATE, { signal });
      const token = telephonyTokenOf(body);
      if (token !== undefined) session.heardTelephonyToken(token);
      return parseAgentState(body);
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
