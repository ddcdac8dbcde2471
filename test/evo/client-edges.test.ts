// The client against a tiny inline server, for answers the simulator does not give: bearer
// tokens, Retry-After dates, huge bodies, redirects, servers that echo secrets.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import type { EvoClientOptions } from '../../main/evo/client.js';
import { watchSecrets } from './secrets.js';

const PASSWORD = 'correct horse battery staple';
const SESSION_COOKIE = 'sessioncookie0123456789';
const TOKEN = 'bearer-token-abcdef123456';

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const secrets = watchSecrets();
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

function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const signedInCookie = { 'Set-Cookie': [`ss-id=${SESSION_COOKIE}; Path=/; HttpOnly`] };

const defaults: Record<string, Route> = {
  '/auth/credentials': (_req, res) => json(res, 200, { userName: 'ann' }, signedInCookie),
  '/auth/status': (_req, res) => json(res, 200, { name: 'Ann Agent', isAuthenticated: true }),
  '/sessions/my': (_req, res) => json(res, 200, { sessions: [] }),
  '/auth/logout': (_req, res) => json(res, 200, {}),
};

function client(options: EvoClientOptions = {}) {
  return createEvoClient({ fetch: secrets.fetch, ...options });
}

async function signedIn(url: string, options: EvoClientOptions = {}) {
  const api = client(options);
  await api.signIn(url, 'ann', PASSWORD);
  return api;
}

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

afterAll(() => {
  expect(secrets.handedOut).toContain(SESSION_COOKIE);
  secrets.expectNoLeak([PASSWORD, SESSION_COOKIE, TOKEN]);
});

describe('signing in, beyond the simulator', () => {
  it('posts the ServiceStack credentials body and asks for JSON', async () => {
    let body = '';
    const { url, seen } = await stub({
      '/auth/credentials': (req, res) => {
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => json(res, 200, {}, signedInCookie));
      },
    });
    await signedIn(url);
    expect(JSON.parse(body)).toEqual({
      provider: 'credentials',
      userName: 'ann',
      password: PASSWORD,
      rememberMe: true,
    });
    expect(seen[0]?.headers.accept).toBe('application/json');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends a bearer token the server hands out on every later call', async () => {
    const { url, seen } = await stub({
      '/auth/credentials': (_req, res) => json(res, 200, { bearerToken: TOKEN }, signedInCookie),
    });
    const api = await signedIn(url);
    await api.getMySessions();
    expect(seen.map((s) => s.headers.authorization)).toEqual([
      undefined,
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  it('sends no Authorization header when the bearer token is empty', async () => {
    const { url, seen } = await stub({
      '/auth/credentials': (_req, res) => json(res, 200, { bearerToken: '' }, signedInCookie),
    });
    await (await signedIn(url)).getMySessions();
    expect(seen.map((s) => s.headers.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('sends requests under the base path of the server setting', async () => {
    const { url, seen } = await stub({
      '/api/auth/credentials': defaults['/auth/credentials'] as Route,
      '/api/auth/status': defaults['/auth/status'] as Route,
      '/api/sessions/my': defaults['/sessions/my'] as Route,
    });
    await (await signedIn(`${url}/api/`)).getMySessions();
    expect(seen.map((s) => s.path)).toEqual([
      '/api/auth/credentials',
      '/api/auth/status',
      '/api/sessions/my',
    ]);
  });

  it('names the agent by the username typed when the server names nobody', async () => {
    const { url } = await stub({ '/auth/status': (_req, res) => json(res, 200, { id: 'u1' }) });
    expect(await client().signIn(url, 'ann', PASSWORD)).toEqual({ id: 'u1', name: 'ann' });
  });

  it('says the address is wrong when there is no sign-in there', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html>Not Found</html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/no Evo Voice sign-in at this address/);
  });

  it('explains a rejected sign-in even when the answer is not ServiceStack JSON', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(401, { 'Content-Type': 'text/html' });
        res.end('<html><body>Unauthorized</body></html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('rejected-credentials');
    expect(error.message).toBe('Sign-in was rejected: check your username and password.');
  });

  it('treats a status that says "not authenticated" as a rejected sign-in', async () => {
    const { url } = await stub({
      '/auth/status': (_req, res) => json(res, 200, { isAuthenticated: false, name: 'x' }),
    });
    const api = client();
    const error = await secrets.failure(api.signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('rejected-credentials');
    expect((await secrets.failure(api.getMySessions())).message).toMatch(/sign in first/i);
  });

  it('refuses a captive portal page as a bad response', async () => {
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>Welcome to Airport Wi-Fi</html>');
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('bad-response');
    expect(error.message).not.toContain('Airport');
  });

  it('never follows a redirect, which could carry the password elsewhere', async () => {
    const elsewhere = await stub();
    const { url } = await stub({
      '/auth/credentials': (_req, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/auth/credentials` });
        res.end();
      },
    });
    const error = await secrets.failure(client().signIn(url, 'ann', PASSWORD));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/redirect/);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('masks the password and cookies when a server echoes them back', async () => {
    const echo =
      (text: string): Route =>
      (req, res) =>
        json(res, 401, {
          responseStatus: { message: `Bad login for ${text} with ${req.headers.cookie ?? ''}` },
        });
    const first = await stub({ '/auth/credentials': echo(PASSWORD) });
    const atSignIn = await secrets.failure(client().signIn(first.url, 'ann', PASSWORD));
    expect(atSignIn.message).toMatch(/^Sign-in was rejected: Bad login for ••• with/);

    // After sign-in the client no longer holds the password; the cookie is what it can leak.
    const second = await stub({ '/sessions/my': echo('ann') });
    const later = await secrets.failure((await signedIn(second.url)).getMySessions());
    expect(later.message).toContain('ss-id=•••');
  });
});

describe('calls, beyond the simulator', () => {
  it('reads a Retry-After date as the wait from now', async () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const { url } = await stub({
      '/sessions/my': (_req, res) =>
        json(res, 503, {}, { 'Retry-After': 'Mon, 02 Mar 2026 10:01:30 GMT' }),
    });
    const api = await signedIn(url, { now: () => now });
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(503);
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('reports rate limiting without a wait when the server names none', async () => {
    const { url } = await stub({ '/sessions/my': (_req, res) => json(res, 429, {}) });
    const error = await secrets.failure((await signedIn(url)).getMySessions());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('reports a missing role as forbidden, with the server message', async () => {
    const { url } = await stub({
      '/sessions/my': (_req, res) =>
        json(res, 403, { ResponseStatus: { ErrorCode: 'Forbidden', Message: 'Invalid Role' } }),
    });
    const error = await secrets.failure((await signedIn(url)).getMySessions());
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('Your Evo Voice account is not allowed to do this: Invalid Role.');
  });

  it('quotes a ServiceStack message from a 5xx, on one short line', async () => {
    const long = `Database\nunavailable ${'x'.repeat(500)}`;
    const { url } = await stub({
      '/sessions/my': (_req, res) => json(res, 502, { responseStatus: { message: long } }),
    });
    const error = await secrets.failure((await signedIn(url)).getMySessions());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/^Evo Voice had a problem \(502 Bad Gateway\): Database unav/);
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(300);
  });

  it('refuses a streamed body past the default 5 MB without reading it all', async () => {
    let written = 0;
    const { url } = await stub({
      '/sessions/my': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"sessions":[');
        const chunk = `${JSON.stringify({ id: 'x', consoleData: 'y'.repeat(64 * 1024) })},`;
        const pump = (): void => {
          // 50 MB if nobody stops reading; the client stops at 5.
          while (written < 50 * 1024 * 1024 && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('{"id":"z"}]}');
        };
        pump();
      },
    });
    const error = await secrets.failure((await signedIn(url)).getMySessions());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than 5 MB/);
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a body whose declared length is past the limit', async () => {
    const { url } = await stub({
      '/sessions/my': (_req, res) => {
        res.writeHead(200, { 'Content-Length': String(10_000) });
        res.write('{"sessions":[');
      },
    });
    const error = await secrets.failure(
      (await signedIn(url, { maxBodyBytes: 1000 })).getMySessions(),
    );
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than 1 KB/);
  });

  it('refuses a list of calls in the wrong shape', async () => {
    const { url } = await stub({ '/sessions/my': (_req, res) => json(res, 200, { sessions: 5 }) });
    const error = await secrets.failure((await signedIn(url)).getMySessions());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/without a list of calls/);
  });

  it('stops sending a cookie the server expires', async () => {
    const { url, seen } = await stub({
      '/sessions/my': (_req, res) =>
        json(res, 200, { sessions: [] }, { 'Set-Cookie': ['ss-id=; Max-Age=0; Path=/'] }),
    });
    const api = await signedIn(url);
    await api.getMySessions();
    await api.getMySessions();
    expect(seen.map((s) => s.headers.cookie)).toEqual([
      undefined,
      `ss-id=${SESSION_COOKIE}`,
      `ss-id=${SESSION_COOKIE}`,
      undefined,
    ]);
  });
});

describe('error answers', () => {
  it('reports the status of an error page too large to read', async () => {
    const { url } = await stub({
      '/sessions/my': (_req, res) => {
        res.writeHead(500, { 'Content-Type': 'text/html' });
        res.end(`<html>${'x'.repeat(200 * 1024)}</html>`);
      },
    });
    const api = await signedIn(url, { maxBodyBytes: 100 * 1024 });
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
  });
});
