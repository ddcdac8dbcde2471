// What the simulator answers to each route: sign-in, status, sign-out, sessions, avatars.
// Knows nothing of sockets: server.ts turns HTTP into an ApiRequest and a Reply.
import { act, isActionRoute } from './actions.js';
import type { SignedIn } from './auth.js';
import { findUser, readCredentials, signInCookies, signOutCookies } from './auth.js';
import {
  authenticateResponse,
  authStatus,
  avatarSvg,
  INVALID_CREDENTIALS,
  INVALID_ROLE,
  NOT_SIGNED_IN,
  rolesOf,
  serviceStackError,
  WWW_AUTHENTICATE,
} from './bodies.js';
import { answerAway } from './away.js';
import type { Api, ApiRequest, Reply } from './exchange.js';
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
  const signedIn = () =>
    api.auth.find(request.cookie, request.authorization) ??
    basicAuth(api.users, request.authorization);
  const fail = (status: number, errorCode: string, message: string) =>
    reply.json(status, serviceStackError(errorCode, message));
  const notAllowed = () => fail(405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
  const unauthorized = () =>
    reply.json(401, NOT_SIGNED_IN, { 'WWW-Authenticate': WWW_AUTHENTICATE });

  if (areaLower === 'auth' && extra === undefined) {
    if (nameLower === 'status') {
      if (method !== 'GET') return notAllowed();
      // No authentication needed: without a session it says so, in a 200.
      const current = signedIn();
      return reply.json(200, current ? authStatus(current.user, api.url) : UNAUTHENTICATED);
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

  if (areaLower === 'sessions' && segments.length <= 3) {
    const current = signedIn();
    if (!current) return unauthorized();
    if (name === undefined) {
      if (method !== 'GET') return notAllowed();
      return reply.json(200, listSessions(api.calls, request.query));
    }
    const listing = nameLower === 'my' || nameLower === 'active';
    if (listing && extra === undefined && method !== 'GET') return notAllowed();
    if (extra === undefined && method === 'GET') {
      if (listing) {
        if (!rolesOf(current.user).includes('User')) return reply.json(403, INVALID_ROLE);
        return reply.json(200, { sessions: api.calls.listFor(current.user.username) });
      }
      const session = api.calls.get(name);
      if (!session) return fail(404, 'NotFound', `Session '${name}' does not exist`);
      // As the real server does: this route strips the log (GET /sessions?specificIds keeps it).
      return reply.json(200, { ...session, log: [] });
    }
    const verb = extra?.toLowerCase();
    if (isActionRoute(verb)) {
      return act(
        api.calls,
        current.user,
        { method, id: name, verb, query: request.query, body: () => request.body() },
        reply,
      );
    }
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
  if (user === undefined) {
    return reply.json(401, INVALID_CREDENTIALS, { 'WWW-Authenticate': WWW_AUTHENTICATE });
  }
  const opened = api.auth.open(user);
  return reply.json(200, authenticateResponse(opened), {
    'Set-Cookie': signInCookies(opened, rememberMe, api.now()),
  });
}

/** `GET /auth/status` without a session (it needs none). */
const UNAUTHENTICATED = { isAuthenticated: false };

/** ListSessions: paged; `specificIds` (repeated or comma-separated) picks calls, with their log. */
function listSessions(calls: SimCalls, query: URLSearchParams): Record<string, unknown> {
  const ids = query
    .getAll('specificIds')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const items = ids.flatMap((id) => {
    const session = calls.get(id);
    return session ? [session] : [];
  });
  return {
    items,
    totalCount: items.length,
    totalPages: items.length > 0 ? 1 : 0,
    hasMorePages: false,
  };
}

/** HTTP Basic (`Authorization: Basic base64(user:password)`), accepted on every request. */
function basicAuth(
  users: readonly SimUser[],
  authorization: string | undefined,
): SignedIn | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  const user = findUser(users, {
    provider: 'basic',
    userName: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    rememberMe: false,
  });
  return user === undefined ? undefined : { user, sessionId: '', permanentId: '' };
}
