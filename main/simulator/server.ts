// The Evo Voice simulator: a real HTTP server on 127.0.0.1 that speaks the API's sign-in and
// sessions routes, with faults on demand. See docs/SIMULATOR.md.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SignedIn } from './auth.js';
import {
  createAuthSessions,
  findUser,
  readCredentials,
  signInCookies,
  signOutCookies,
} from './auth.js';
import {
  authenticateResponse,
  authStatus,
  avatarSvg,
  INVALID_CREDENTIALS,
  NOT_SIGNED_IN,
  SERVER_ERROR_PAGE,
  serviceStackError,
  TRUNCATED_JSON,
} from './bodies.js';
import { createCalls } from './calls.js';
import { toPascalCase } from './casing.js';
import type { PendingFault } from './faults.js';
import { createFaultQueue } from './faults.js';
import { DEFAULT_SEED, DEMO_USERS, seededRandom } from './people.js';
import type { SimRequest, Simulator, SimulatorOptions, SimUser } from './types.js';

export { DEMO_USERS } from './people.js';

const MAX_BODY_BYTES = 64 * 1024;

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining past the limit so the client still gets its 413.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new BadRequest(413, 'RequestTooLarge', 'The request body is larger than 64 KB'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function parseSignInBody(req: IncomingMessage, raw: string): unknown {
  if (raw.trim() === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest(400, 'SerializationException', 'The request body is not valid JSON');
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const users: SimUser[] = [...(options.users ?? DEMO_USERS)];
  if (users.length === 0) throw new Error('The simulator needs at least one user');
  const now = options.now ?? Date.now;
  const random = options.random ?? seededRandom(DEFAULT_SEED);
  const pascal = options.casing === 'pascal';

  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is already in use: pick another with --port`)
          : error,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const requests: SimRequest[] = [];
  const auth = createAuthSessions();
  const faultQueue = createFaultQueue();
  const calls = createCalls({ users, random, now, baseUrl: url });

  function record(req: IncomingMessage, path: string, status: number): void {
    requests.push({ method: req.method ?? 'GET', path, status, at: now() });
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    status: number,
    body: string,
    headers: Record<string, string | string[]> = {},
  ): void {
    record(req, path, status);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }

  const json = (value: unknown): string => JSON.stringify(pascal ? toPascalCase(value) : value);

  function sendFault(req: IncomingMessage, res: ServerResponse, path: string, fault: PendingFault) {
    switch (fault.kind) {
      case 'server-error-html':
        return send(req, res, path, 500, SERVER_ERROR_PAGE, {
          'Content-Type': 'text/html; charset=utf-8',
        });
      case 'malformed-json':
        return send(req, res, path, 200, TRUNCATED_JSON);
      case 'rate-limited': {
        const seconds = fault.retryAfterSeconds;
        const message = `Too many requests: try again in ${seconds} seconds`;
        return send(req, res, path, 429, json(serviceStackError('TooManyRequests', message)), {
          'Retry-After': String(seconds),
        });
      }
      case 'hang':
        // Never answered: stop() destroys the socket. Logged with status 0.
        return record(req, path, 0);
      case 'connection-reset':
        record(req, path, 0);
        return req.socket.resetAndDestroy();
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const segments = path.split('/').filter((s) => s !== '');
    const [area, name, extra] = segments.map((s) => decodeURIComponent(s));
    const areaLower = area?.toLowerCase();
    const nameLower = name?.toLowerCase();
    const signedIn = (): SignedIn | undefined =>
      auth.find(req.headers.cookie, req.headers.authorization);
    const ok = (body: unknown, headers?: Record<string, string | string[]>) =>
      send(req, res, path, 200, json(body), headers);
    const fail = (status: number, errorCode: string, message: string) =>
      send(req, res, path, status, json(serviceStackError(errorCode, message)));
    const notAllowed = () => fail(405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
    const unauthorized = () => send(req, res, path, 401, json(NOT_SIGNED_IN));

    if (areaLower === 'auth' && extra === undefined) {
      if (nameLower === 'status') {
        if (method !== 'GET') return notAllowed();
        const current = signedIn();
        return current ? ok(authStatus(current.user, url)) : unauthorized();
      }
      if (nameLower === 'logout') {
        if (method !== 'GET' && method !== 'POST') return notAllowed();
        const current = signedIn();
        if (current) auth.close(current);
        return ok({}, { 'Set-Cookie': signOutCookies() });
      }
      if (method === 'GET' && name === undefined) {
        const current = signedIn();
        return current ? ok(authenticateResponse(current)) : unauthorized();
      }
      if (method !== 'POST') return notAllowed();
      const read = readCredentials(parseSignInBody(req, await readBody(req)), nameLower);
      if (!read.ok) {
        const message = read.errors.map((e) => e.message).join(' ');
        return send(
          req,
          res,
          path,
          400,
          json(serviceStackError('ValidationException', message, read.errors)),
        );
      }
      if (read.credentials.provider.toLowerCase() !== 'credentials') {
        const provider = read.credentials.provider;
        return fail(404, 'NotFound', `No configuration was added for OAuth provider '${provider}'`);
      }
      const user = findUser(users, read.credentials);
      if (user === undefined) return send(req, res, path, 401, json(INVALID_CREDENTIALS));
      const opened = auth.open(user);
      return ok(authenticateResponse(opened), {
        'Set-Cookie': signInCookies(opened, read.credentials.rememberMe, now()),
      });
    }

    if (areaLower === 'sessions' && name !== undefined && extra === undefined) {
      if (method !== 'GET') return notAllowed();
      const current = signedIn();
      if (!current) return unauthorized();
      if (nameLower === 'my' || nameLower === 'active') {
        return ok({ sessions: calls.listFor(current.user.username) });
      }
      const session = calls.get(name);
      return session ? ok(session) : fail(404, 'NotFound', `Session '${name}' does not exist`);
    }

    const avatarOf = /^(.+)\.svg$/.exec(name ?? '')?.[1];
    if (areaLower === 'avatars' && avatarOf !== undefined && extra === undefined) {
      const user = users.find((u) => u.id === avatarOf);
      if (user && method === 'GET') {
        return send(req, res, path, 200, avatarSvg(user), { 'Content-Type': 'image/svg+xml' });
      }
    }

    return fail(404, 'NotFound', `Handler for Request not found (404): ${method} ${path}`);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', url).pathname;
    const fault = faultQueue.take(path);
    if (fault) return sendFault(req, res, path, fault);
    route(req, res, path).catch((error: unknown) => {
      if (res.headersSent) return;
      const status = error instanceof BadRequest ? error.status : 500;
      const code = error instanceof BadRequest ? error.errorCode : 'Exception';
      const message = error instanceof Error ? error.message : String(error);
      send(req, res, path, status, json(serviceStackError(code, message)));
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    users,
    calls,
    requests,
    faults: {
      expireSessions: () => auth.closeAll(),
      inject: (kind, faultOptions) => faultQueue.inject(kind, faultOptions),
      clear: () => faultQueue.clear(),
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return stopped;
    },
  };
}
