// The poll's own transport (listing-http.ts) on a loopback server: the reused buffer, the one
// kept-alive connection, what drops it, the caller's signal, a socket that never holds the
// process, and which requests of the client take it. Outcomes alike with fetch's are in
// listing-http-parity.test.ts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import { createListingHttp } from '../../main/evo/listing-http.js';
import { sendForBytes } from '../../main/evo/request.js';
import type { EvoRequest, Transport } from '../../main/evo/request.js';
import { answerServer, endless, listing, transportFor } from './answer-server.js';
import type { Answer, AnswerServer } from './answer-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIST = JSON.stringify({ sessions: [{ id: 'c1' }, { id: 'c2' }] });

let servers: AnswerServer[] = [];
afterEach(() => {
  for (const server of servers) server.close();
  servers = [];
});

async function serve(answers: Record<string, Answer>): Promise<AnswerServer> {
  const server = await answerServer(answers);
  servers.push(server);
  return server;
}

function ok(res: ServerResponse, body: string, chunked = false): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    ...(chunked ? {} : { 'Content-Length': Buffer.byteLength(body) }),
  });
  res.end(body);
}

/** A transport with the poll's exchange, as createEvoClient builds it without a fetch. */
function overHttp(overrides: Partial<Transport> = {}): Transport {
  return transportFor({ exchangeBytes: createListingHttp(), ...overrides });
}

const failure = (call: Promise<unknown>) =>
  call.then(
    () => 'answered',
    (error: unknown) => error,
  );
const text = (body: { store: Buffer; length: number }) =>
  body.store.toString('utf8', 0, body.length);

describe('the body, into the reused buffer', () => {
  it('is read into the spare buffer when it fits, and the same buffer serves the next poll', async () => {
    const server = await serve({ '/sessions/my': (_q, s) => ok(s, LIST) });
    const transport = overHttp();
    const spare = Buffer.alloc(4096);
    const first = await sendForBytes(transport, listing(server.url, '/sessions/my'), spare);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.body.store).toBe(spare);
    expect(text(first.body)).toBe(LIST);
    const second = await sendForBytes(transport, listing(server.url, '/sessions/my'), spare);
    expect(second.body.store).toBe(spare);
    expect(text(second.body)).toBe(LIST);
  });

  it('grows past a spare too small: by the Content-Length, or chunk by chunk', async () => {
    const big = JSON.stringify({ sessions: Array.from({ length: 30_000 }, (_, i) => ({ i })) });
    const server = await serve({
      '/declared': (_q, s) => ok(s, big),
      '/chunked': (_q, s) => {
        s.writeHead(200, { 'Content-Type': 'application/json' });
        for (let at = 0; at < big.length; at += 10_000) s.write(big.slice(at, at + 10_000));
        s.end();
      },
    });
    const transport = overHttp();
    const spare = Buffer.alloc(1024);
    const declared = await sendForBytes(transport, listing(server.url, '/declared'), spare);
    expect(declared.body.store).not.toBe(spare);
    expect(declared.body.store.length).toBe(Buffer.byteLength(big));
    expect(text(declared.body)).toBe(big);
    const chunked = await sendForBytes(transport, listing(server.url, '/chunked'), spare);
    expect(chunked.body.store.length).toBeGreaterThanOrEqual(big.length);
    expect(text(chunked.body)).toBe(big);
  });
});

describe('the connection', () => {
  it('two polls, and an error answer read to its end between them, share one connection', async () => {
    const server = await serve({
      '/sessions/my': (_q, s) => ok(s, LIST, true),
      '/expired': (_q, s) => {
        s.writeHead(401, { 'Content-Type': 'application/json' });
        s.end(JSON.stringify({ responseStatus: { message: 'Session expired' } }));
      },
    });
    const transport = overHttp();
    await sendForBytes(transport, listing(server.url, '/sessions/my'), null);
    await failure(sendForBytes(transport, listing(server.url, '/expired'), null));
    await sendForBytes(transport, listing(server.url, '/sessions/my'), null);
    expect(server.seen).toHaveLength(3);
    expect(server.opened()).toBe(1);
  });

  it('an idle connection is closed after the idle limit; a slow answer is not cut by it', async () => {
    const server = await serve({
      '/sessions/my': (_q, s) => ok(s, LIST),
      '/slow': (_q, s) => setTimeout(() => ok(s, LIST), 200),
    });
    const transport = transportFor({ exchangeBytes: createListingHttp(50) });
    await sendForBytes(transport, listing(server.url, '/sessions/my'), null);
    await server.allClosed();
    const slow = await sendForBytes(transport, listing(server.url, '/slow'), null);
    expect(text(slow.body)).toBe(LIST);
    expect(server.opened()).toBe(2);
  });

  it('each client has its own connection', async () => {
    const server = await serve({ '/sessions/my': (_q, s) => ok(s, LIST) });
    await sendForBytes(overHttp(), listing(server.url, '/sessions/my'), null);
    await sendForBytes(overHttp(), listing(server.url, '/sessions/my'), null);
    expect(server.opened()).toBe(2);
  });

  it.each([
    [
      'a Content-Length past the cap',
      (s: ServerResponse) => s.writeHead(200, { 'Content-Length': 50_000_000 }).flushHeaders(),
    ],
    ['a chunked body past the cap', (s: ServerResponse) => endless(s)],
  ])('%s: refused, the connection dropped, the next poll on a new one', async (_name, answer) => {
    const server = await serve({
      '/huge': (_q, s) => answer(s),
      '/sessions/my': (_q, s) => ok(s, LIST),
    });
    const transport = overHttp({ maxBodyBytes: 200_000 });
    const refused = await failure(sendForBytes(transport, listing(server.url, '/huge'), null));
    expect(refused).toMatchObject({ kind: 'bad-response', details: { bodyLimitBytes: 200_000 } });
    await server.allClosed();
    await sendForBytes(transport, listing(server.url, '/sessions/my'), null);
    expect(server.opened()).toBe(2);
  });

  it('a redirect is not followed: one request, and the error says redirect', async () => {
    const server = await serve({
      '/sessions/my': (_q, s) => s.writeHead(301, { Location: '/moved' }).end(),
      '/moved': (_q, s) => ok(s, LIST),
    });
    const error = await failure(
      sendForBytes(overHttp(), listing(server.url, '/sessions/my'), null),
    );
    expect(error).toMatchObject({ kind: 'bad-response', details: { status: 301 } });
    expect(server.seen.map((r) => r.path)).toEqual(['/sessions/my']);
  });
});

describe('the deadline and the signal', () => {
  it.each([
    ['before the headers', () => {}],
    ['mid-body', (_q: unknown, s: ServerResponse) => s.writeHead(200).write('{"sessions":[')],
  ] as const)('a server stalling %s times out, its connection dropped', async (_name, answer) => {
    const server = await serve({ '/sessions/my': answer });
    const request = listing(server.url, '/sessions/my');
    const error = await failure(sendForBytes(overHttp({ timeoutMs: 50 }), request, null));
    expect(error).toMatchObject({ kind: 'timeout', details: { timeoutMs: 50 } });
    await server.allClosed();
  });

  it.each([
    ['before the headers', () => {}],
    ['mid-body', (_q: unknown, s: ServerResponse) => s.writeHead(200).write('{"sessions":[')],
  ] as const)('the caller aborting %s: cancelled, not timed out', async (_name, answer) => {
    const stopping = new AbortController();
    const server = await serve({
      '/sessions/my': (q, s) => {
        answer(q, s);
        setTimeout(() => stopping.abort(), 20);
      },
    });
    const request: EvoRequest = listing(server.url, '/sessions/my', { signal: stopping.signal });
    const error = await failure(sendForBytes(overHttp(), request, null));
    expect(error).toMatchObject({ kind: 'cancelled' });
    await server.allClosed();
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await serve({ '/sessions/my': (_q, s) => ok(s, LIST) });
    const request = listing(server.url, '/sessions/my', { signal: AbortSignal.abort() });
    expect(await failure(sendForBytes(overHttp(), request, null))).toMatchObject({
      kind: 'cancelled',
    });
    expect(server.seen).toEqual([]);
  });
});

describe('the process', () => {
  it('a kept-alive connection does not keep node running', async () => {
    const server = await serve({ '/sessions/my': (_q, s) => ok(s, LIST) });
    // A poll in a process of its own, then the sockets that still hold its event loop open
    // (in flight, the poll's own would be one; kept alive, it is not).
    const script = `
      const { createListingHttp } = await import('./main/evo/listing-http.ts');
      const exchange = createListingHttp();
      const transport = { fetch, timeoutMs: 5000, maxBodyBytes: 1e6, userAgent: 'test', now: Date.now };
      const purpose = { name: 'listing', signingIn: false, notFound: '' };
      const url = new URL('/sessions/my', process.env.SERVER);
      const { status } = await exchange(transport, { method: 'GET', url, purpose }, null);
      await new Promise((resolve) => setImmediate(resolve));
      const holding = process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'));
      console.log(JSON.stringify({ status, holding }));`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        env: { ...process.env, SERVER: server.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ status: 200, holding: [] });
  });
});

describe('the client', () => {
  it('polls over node:http unless handed a fetch; signs in and acts over fetch', async () => {
    const server = await serve({
      '/auth/credentials': (_q, s) => {
        s.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'ss-id=abc; Path=/' });
        s.end('{}');
      },
      '/auth/status': (_q, s) => ok(s, JSON.stringify({ isAuthenticated: true, name: 'Ann' })),
      '/sessions/my': (_q, s) => ok(s, LIST),
    });
    // fetch says who it is in headers a browser sends; node:http sends only the client's own.
    const byFetch = () => server.seen.map((r) => r.headers['sec-fetch-mode'] !== undefined);
    const api = createEvoClient();
    await api.signIn(server.url, 'ann', 'a password');
    await api.getMySessions();
    expect(byFetch()).toEqual([true, true, false]);
    expect(server.seen[2]?.headers.cookie).toBe('ss-id=abc');

    const handed = createEvoClient({ fetch: (input, init) => fetch(input, init) });
    await handed.signIn(server.url, 'ann', 'a password');
    await handed.getMySessions();
    expect(byFetch().slice(3)).toEqual([true, true, true]);
  });
});
