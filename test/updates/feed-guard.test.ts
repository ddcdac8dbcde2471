// The feed guard around electron-updater's real HTTP executor (builder-util-runtime), with Node's
// http in place of Electron's net, against a feed on loopback: what an error body and a redirect
// loop cost a check, counted in bytes and requests.
import { createServer, request, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpExecutor } from 'builder-util-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ERROR_BODY_BYTES,
  failureSummary,
  guardFeed,
  MAX_FEED_REDIRECTS,
  MAX_FEED_REQUESTS_PER_CHECK,
  updaterLine,
  type FeedExecutor,
} from '../../main/updates/feed-guard.js';

class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: object, callback: (response: unknown) => void): ClientRequest {
    const req = request(options);
    req.on('response', callback);
    return req;
  }
}

const BODY_BYTES = 16 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function feed(kind: 'huge-error' | 'redirect-loop' | 'ok') {
  const seen = { requests: 0, sent: 0 };
  const server = createServer((req, res) => {
    seen.requests++;
    if (kind === 'redirect-loop') return void res.writeHead(302, { location: req.url }).end();
    if (kind === 'ok') return void res.writeHead(200).end('ok');
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.write('upstream down: ');
    const more = () => {
      while (seen.sent < BODY_BYTES && !res.destroyed) {
        seen.sent += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', more);
      }
      res.end();
    };
    more();
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/latest-linux.yml`, seen };
}

function options(url: string) {
  const u = new URL(url);
  return { protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname };
}

describe('the update feed guard', () => {
  it('a 500 with a huge body: the error holds its first bytes, the rest is never read', async () => {
    const { url, seen } = await feed('huge-error');
    const executor = new NodeExecutor();
    guardFeed(executor as unknown as FeedExecutor);
    const error = await executor.request(options(url)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ statusCode: 500 });
    const message = (error as Error).message;
    expect(message).toContain('upstream down: xxx');
    expect(message.length).toBeLessThan(ERROR_BODY_BYTES + 1000);
    expect(seen.sent).toBeLessThan(BODY_BYTES);
    const line = failureSummary(error);
    expect(line).toMatch(/^HTTP 500 .*Data: upstream down: x+/);
    expect(line.length).toBeLessThanOrEqual(400);
  });

  it('a feed that redirects to itself: the request stops after its redirects', async () => {
    const { url, seen } = await feed('redirect-loop');
    const executor = new NodeExecutor();
    guardFeed(executor as unknown as FeedExecutor);
    const error = await executor.request(options(url)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(error)).toContain(`more than ${MAX_FEED_REDIRECTS} redirects`);
    expect(seen.requests).toBe(MAX_FEED_REDIRECTS + 1);
  });

  it('a check has a budget of requests; the next check has its own; range requests are not counted', async () => {
    const { url, seen } = await feed('ok');
    const executor = new NodeExecutor();
    const guard = guardFeed(executor as unknown as FeedExecutor);
    const get = (headers: Record<string, string> = {}) =>
      executor.request({ ...options(url), headers }).then(
        (body) => body,
        (e: unknown) => e,
      );
    for (let i = 0; i < MAX_FEED_REQUESTS_PER_CHECK; i++) expect(await get()).toBe('ok');
    expect(await get({ range: 'bytes=0-1' })).toBe('ok');
    expect(String(await get())).toContain(`more than ${MAX_FEED_REQUESTS_PER_CHECK} requests`);
    expect(seen.requests).toBe(MAX_FEED_REQUESTS_PER_CHECK + 1);
    guard.startCheck();
    expect(await get()).toBe('ok');
    expect(guard.requestsThisCheck()).toBe(1);
  });

  it('log lines are one short line, whatever the error carries', () => {
    const huge = new Error(`500 Internal Server Error\n${'y'.repeat(1_000_000)}`);
    expect(failureSummary(huge)).toBe('500 Internal Server Error');
    expect(updaterLine(huge).length).toBeLessThanOrEqual(400);
    expect(updaterLine(`a\n  b ${'z'.repeat(10_000)}`)).toMatch(/^a b z+…$/);
    expect(failureSummary('plain words')).toBe('plain words');
  });
});
