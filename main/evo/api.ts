import type { AgentProfile, Session } from '../boundary/session.js';

/**
 * What the rest of the app needs from Evo Voice. The HTTP client implements it; tests and the
 * watcher depend only on this.
 */
export interface EvoApi {
  /**
   * POST /auth/credentials, then GET /auth/status. Rejects with an EvoApiError.
   * Aborting `signal` (as every call's below) gives up at once with a 'cancelled' error.
   */
  signIn(
    server: string,
    username: string,
    password: string,
    signal?: AbortSignal,
  ): Promise<AgentProfile>;
  /** GET /sessions/my, normalized. */
  getMySessions(signal?: AbortSignal): Promise<Session[]>;
  /**
   * The HTTP `Date` header of the last answer to getMySessions, as sent; undefined when the
   * server sent none (or a fake has no clock). Maps the server's times onto the local clock.
   */
  lastListingDate?(): string | undefined;
  /**
   * When the last answer to getMySessions listed exactly the calls of the one before (the very
   * Session objects), only in another order: them in that earlier order, which is cheaper to
   * visit (their objects lie in memory as first read); otherwise null or undefined.
   */
  lastListingEarlierOrder?(): readonly Session[] | null;
  /**
   * One session with its log: `GET /sessions?specificIds={id}` (GET /sessions/{id} strips the
   * log). A 'not-found' error when the server no longer has it (archived).
   */
  getSession(id: string, signal?: AbortSignal): Promise<Session>;
  /**
   * An action on a call (call-actions/requests.ts), sent once: a 401 forgets the cookies and
   * rejects like any call; nothing here retries it.
   */
  sendAction(request: ActionRequest, signal?: AbortSignal): Promise<void>;
  /** POST /auth/logout; forgets the cookies even when the server cannot be reached. */
  signOut(): Promise<void>;
}

/** A request that changes a call. `path` is from the server's root (`/sessions/{id}/hold`). */
export interface ActionRequest {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, string>;
}

export type EvoErrorKind =
  | 'rejected-credentials' // 401 at sign-in, or 401 on a call (session expired)
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'rate-limited' // 429 / 503, with retryAfterMs when the server says
  | 'server' // other 5xx
  | 'network' // refused, DNS, reset
  | 'timeout' // no answer before the deadline
  | 'bad-response' // not JSON, wrong shape, too large
  | 'bad-server-url' // the server setting itself is unusable
  | 'cancelled'; // the caller aborted the request (stopping): not a fault of the server

export interface EvoErrorDetails {
  status?: number;
  retryAfterMs?: number;
  serverMessage?: string;
  /** Set when the answer was larger than the client reads (the cap, in bytes). */
  bodyLimitBytes?: number;
  // What follows lets the agent be told the failure in their language (evo/failure-words.ts):
  // the message stays English, for the log and the watch CLI.
  /** The server's own words for the status (masked, one line), quoted as they came. */
  statusText?: string;
  /** What the request was for: a 404 or 401 means something different to each. */
  purpose?: PurposeName;
  /** The server's host, for network faults, timeouts and cancels. */
  host?: string;
  /** How long the client waited, for timeouts. */
  timeoutMs?: number;
  /** The network fault's code (ECONNREFUSED, ENOTFOUND, a certificate error…). */
  fault?: string;
  /** A failure the client decided itself, without the server saying so. */
  reason?: ClientReason;
}

export type PurposeName =
  | 'signing-in'
  | 'listing'
  | 'looking-up'
  | 'reading-history'
  | 'reading-agent-state'
  | 'signing-out'
  | 'acting';

export type ClientReason =
  | 'not-signed-in'
  | 'too-many-sign-ins'
  | 'session-not-kept'
  | 'sign-in-cancelled'
  | 'saved-password-rejected'
  | 'expired-no-password';

/**
 * Every failure of the API client. `message` is for the agent; it never contains a password
 * or a cookie.
 */
export class EvoApiError extends Error {
  override readonly name = 'EvoApiError';
  constructor(
    readonly kind: EvoErrorKind,
    message: string,
    readonly details: EvoErrorDetails = {},
  ) {
    super(message);
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}

export function isEvoApiError(e: unknown, kind?: EvoErrorKind): e is EvoApiError {
  return e instanceof EvoApiError && (kind === undefined || e.kind === kind);
}
