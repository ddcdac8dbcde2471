// What the simulator answers to each route: sign-in, status, sign-out, sessions, avatars.
// Knows nothing of sockets: server.ts turns HTTP into an ApiRequest and a Reply.
import type { AuthSessions } from './auth.js';
import { findUser, readCredentials, signInCookies, signOutCookies } from './auth.js';
import {
  authenticateResponse,
  authStatus,
  avatarSvg,
  INVALID_CREDENTIALS,
  NOT_SIGNED_IN,
  serviceStackError,
} from './bodies.js';
import { answerAway, type SimAway } from './away.js';
import type { SimCalls, SimUser } from './types.js';

/** A request the client got wrong; answered with this status and a ServiceStack error. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

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

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(400, 'BadRequest', `The path segment "${segment}" is not valid`);
  }
}

export async function answer(api: Api, request: ApiRequest, reply: Reply): Promise<void> {
  const { method, path } = request;
  const segments = path.split('/').filter((s) => s !== '');
  const [area, name, extra] = segments.map(decodeSegment);
  const areaLower = area?.toLowerCase();
  const nameLower = name?.toLowerCase();
  const signedIn = () => api.auth.find(request.cookie, request.authorization);
  const fail = (status: number, errorCode: string, message: string) =>
    reply.json(status, serviceStackError(errorCode, message));
  const notAllowed = () => fail(405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
  const unauthorized = () => reply.json(401, NOT_SIGNED_IN);

  if (areaLower === 'auth' && extra === undefined) {
    if (nameLower === 'status') {
      if (method !== 'GET') return notAllowed();
      const current = signedIn();
      return current ? reply.json(200, authStatus(current.user, api.url)) : unauthorized();
    }
    if (nameLower === 'logout') {
      if (method !== 'GET' && method !== 'POST') return notAllowed();
      const current = signedIn();
      if (current) api.auth.close(current);
      return reply.json(200, {}, { 'Set-Cookie': signOutCookies() });
    }
    if (method === 'GET' && name === undefined) {
      const current = signedIn();
      return current ? reply.json(200, authenticateResponse(current)) : unauthorized();
    }
    if (method !== 'POST') return notAllowed();
    return signIn(api, await request.body(), nameLower, reply);
  }

  if (areaLower === 'sessions' && name !== undefined && extra === undefined) {
    if (method !== 'GET') return notAllowed();
    const current = signedIn();
    if (!current) return unauthorized();
    if (nameLower === 'my' || nameLower === 'active') {
      return reply.json(200, { sessions: api.calls.listFor(current.user.username) });
    }
    const session = api.calls.get(name);
    if (!session) return fail(404, 'NotFound', `Session '${name}' does not exist`);
    return reply.json(200, session);
  }

  if (answerAway(api, request, signedIn()?.user, reply)) return;

  const avatarOf = /^(.+)\.svg$/.exec(name ?? '')?.[1];
  const avatarUser = api.users.find((u) => u.id === avatarOf);
  if (areaLower === 'avatars' && avatarUser && extra === undefined && method === 'GET') {
    return reply.raw(200, avatarSvg(avatarUser), 'image/svg+xml');
  }

  return fail(404, 'NotFound', `Handler for Request not found (404): ${method} ${path}`);
}

function signIn(api: Api, body: unknown, providerFromPath: string | undefined, reply: Reply) {
  const read = readCredentials(body, providerFromPath);
  if (!read.ok) {
    const message = read.errors.map((e) => e.message).join(' ');
    return reply.json(400, serviceStackError('ValidationException', message, read.errors));
  }
  const { provider, rememberMe } = read.credentials;
  if (provider.toLowerCase() !== 'credentials') {
    const message = `No configuration was added for OAuth provider '${provider}'`;
    return reply.json(404, serviceStackError('NotFound', message));
  }
  const user = findUser(api.users, read.credentials);
  if (user === undefined) return reply.json(401, INVALID_CREDENTIALS);
  const opened = api.auth.open(user);
  return reply.json(200, authenticateResponse(opened), {
    'Set-Cookie': signInCookies(opened, rememberMe, api.now()),
  });
}
