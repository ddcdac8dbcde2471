// What a route handler is given and answers with: the request as the simulator reads it, the
// reply it writes, and the simulator's state. server.ts turns HTTP into these; routes answer.
import type { AuthSessions } from './auth.js';
import type { SimAway, SimCalls, SimUser } from './types.js';

export interface ApiRequest {
  method: string;
  /** Without the query string. */
  path: string;
  cookie: string | undefined;
  authorization: string | undefined;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** The parsed body (JSON or form); rejects with BadRequest when it cannot be read. */
  body(): Promise<unknown>;
}

type Headers = Record<string, string | string[]>;

export interface Reply {
  /** A JSON answer, in the simulator's casing. */
  json(status: number, body: unknown, headers?: Headers): void;
  raw(status: number, body: string, contentType: string): void;
}

export interface Api {
  url: string;
  users: readonly SimUser[];
  auth: AuthSessions;
  calls: SimCalls;
  now: () => number;
  away: SimAway;
}
