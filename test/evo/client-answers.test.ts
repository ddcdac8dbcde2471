// Calls after sign-in against a tiny inline server, for answers the simulator does not give:
// Retry-After dates, huge bodies, expiring cookies, error pages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../main/evo/client.js';
import { stubbedClients } from './stubbed-client.js';
import { json, SESSION_COOKIE } from './stub-server.js';

const { secrets, stub, signedIn } = stubbedClients();

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

  it('refuses a streamed body past its cap without reading it all, and says it was too large', async () => {
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
    const api = await signedIn(url, { maxBodyBytes: 5 * 1024 * 1024 });
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than 5 MB/);
    expect(error.details.bodyLimitBytes).toBe(5 * 1024 * 1024);
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('reads, by default, an answer far past the old 5 MB cap (a cap is only against abuse)', async () => {
    const call = { id: 'x', consoleData: 'y'.repeat(64 * 1024) };
    const calls = Array.from({ length: 100 }, (_, i) => ({ ...call, id: `call-${i}` }));
    const { url } = await stub({
      '/sessions/my': (_req, res) => json(res, 200, { sessions: calls }),
    });
    const listed = await (await signedIn(url)).getMySessions();
    expect(listed.map((s) => s.id)).toEqual(calls.map((c) => c.id));
    expect(DEFAULT_MAX_BODY_BYTES).toBeGreaterThanOrEqual(64 * 1024 * 1024);
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
