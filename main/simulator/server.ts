// The Evo Voice simulator: a real HTTP server on 127.0.0.1 that speaks the API's sign-in and
// sessions routes (routes.ts), with faults on demand. See docs/SIMULATOR.md.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAuthSessions } from './auth.js';
import { SERVER_ERROR_PAGE, serviceStackError, TRUNCATED_JSON } from './bodies.js';
import { createSimAway } from './away.js';
import { createCalls } from './calls.js';
import { toPascalCase } from './casing.js';
import type { PendingFault } from './faults.js';
import { createFaultQueue } from './faults.js';
import { DEFAULT_SEED, DEMO_USERS, seededRandom } from './people.js';
import type { ApiRequest, Reply } from './exchange.js';
import { answer, BadRequest } from './routes.js';
import type { SimRequest, Simulator, SimulatorOptions, SimUser } from './types.js';
import { errorMessage } from '../boundary/errors.js';

export { DEMO_USERS } from './people.js';

const MAX_BODY_BYTES = 64 * 1024;

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

async function parsedBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
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

/** The path and query; a request line too odd to parse reads as "/" and meets the 404. */
function urlOf(requestUrl: string | undefined): URL {
  try {
    return new URL(requestUrl ?? '/', 'http://simulator');
  } catch {
    return new URL('/', 'http://simulator');
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
  const away = createSimAway(users, () => calls);
  const calls = createCalls({ users, random, now, baseUrl: url, onMissed: away.onMissed });

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
      // The server's clock, as session times are: the watcher maps them onto its own with it.
      Date: new Date(now()).toUTCString(),
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

  function reply(req: IncomingMessage, res: ServerResponse, path: string): Reply {
    return {
      json: (status, body, headers) => send(req, res, path, status, json(body), headers),
      raw: (status, body, contentType) =>
        send(req, res, path, status, body, { 'Content-Type': contentType }),
    };
  }

  const api = { url, users, auth, calls, now, away };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = urlOf(req.url);
    const path = target.pathname;
    const fault = faultQueue.take(path);
    if (fault) return sendFault(req, res, path, fault);
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      path,
      query: target.searchParams,
      cookie: req.headers.cookie,
      authorization: req.headers.authorization,
      body: () => parsedBody(req),
    };
    answer(api, request, reply(req, res, path)).catch((error: unknown) => {
      if (res.headersSent) return;
      const status = error instanceof BadRequest ? error.status : 500;
      const code = error instanceof BadRequest ? error.errorCode : 'Exception';
      const message = errorMessage(error);
      send(req, res, path, status, json(serviceStackError(code, message)));
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    users,
    calls,
    away,
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
