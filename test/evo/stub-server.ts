// Test support: a tiny inline HTTP server answering like ServiceStack, for answers the
// simulator does not give. Each suite starts its stubs and closes them after each test.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PASSWORD = 'correct horse battery staple';
export const SESSION_COOKIE = 'sessioncookie0123456789';
export const TOKEN = 'bearer-token-abcdef123456';

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const signedInCookie = { 'Set-Cookie': [`ss-id=${SESSION_COOKIE}; Path=/; HttpOnly`] };

export const defaults: Record<string, Route> = {
  '/auth/credentials': (_req, res) => json(res, 200, { userName: 'ann' }, signedInCookie),
  '/auth/status': (_req, res) => json(res, 200, { name: 'Ann Agent', isAuthenticated: true }),
  '/sessions/my': (_req, res) => json(res, 200, { sessions: [] }),
  '/auth/logout': (_req, res) => json(res, 200, {}),
};

/** Starts stubs on demand; `closeAll` ends them (call it after each test). */
export function stubServers() {
  const servers: { close(): void; closeAllConnections(): void }[] = [];

  /** Answers sign-in and status like ServiceStack; `routes` override or add paths. */
  async function stub(routes: Record<string, Route> = {}) {
    const seen: Seen[] = [];
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      seen.push({ method: req.method ?? 'GET', path, headers: req.headers });
      const route = routes[path] ?? defaults[path];
      if (route) return route(req, res);
      json(res, 404, { responseStatus: { errorCode: 'NotFound', message: 'Not found' } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, seen };
  }

  function closeAll(): void {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      server.close();
    }
  }

  return { stub, closeAll };
}
