// The poll over node:http (listing-http.ts) against `sendForBytes` over fetch, side by side: the
// same server answers, the same outcome, byte for byte or error for error (kind, message,
// details). Where Node and undici name a network fault differently, the test says so.
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { createListingHttp } from '../../main/evo/listing-http.js';
import { sendForBytes } from '../../main/evo/request.js';
import type { EvoRequest, Transport } from '../../main/evo/request.js';
import { answerServer, endless, listing, transportFor } from './answer-server.js';
import type { Answer, AnswerServer } from './answer-server.js';

const LIST = JSON.stringify({ sessions: [{ id: 'c1', state: 'Ringing' }] });
const BIG = JSON.stringify({ sessions: Array.from({ length: 4000 }, (_, i) => ({ id: `c${i}` })) });
const SECRET = 'hunter2-secret';

/** An answer with its Content-Length; the chunked ones write their own. */
function send(res: ServerResponse, status: number, body: string | Buffer, headers = {}): void {
  const length = Buffer.byteLength(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': length,
    ...headers,
  });
  res.end(body);
}

const serviceStack = (message: string) =>
  JSON.stringify({ responseStatus: { errorCode: 'Error', message } });

interface Row {
  answer: Answer;
  transport?: Partial<Transport>;
  request?: Partial<EvoRequest>;
}

const ROWS: Record<string, Row> = {
  'a JSON listing with its length': { answer: (_q, s) => send(s, 200, LIST) },
  'a listing sent in chunks': {
    answer: (_q, s) => {
      s.writeHead(200, { 'Content-Type': 'application/json' });
      s.write(BIG.slice(0, 5000));
      setTimeout(() => s.end(BIG.slice(5000)), 5);
    },
  },
  'an empty body': { answer: (_q, s) => send(s, 200, '') },
  'an empty chunked body': { answer: (_q, s) => s.writeHead(200).end() },
  'a 204': { answer: (_q, s) => s.writeHead(204).end() },
  'three Set-Cookie headers': {
    answer: (_q, s) =>
      send(s, 200, LIST, { 'Set-Cookie': ['ss-id=a; Path=/', 'ss-pid=b; Path=/', 'ss-opt=perm'] }),
  },
  gzip: { answer: (_q, s) => send(s, 200, gzipSync(BIG), { 'Content-Encoding': 'gzip' }) },
  'x-gzip': { answer: (_q, s) => send(s, 200, gzipSync(LIST), { 'Content-Encoding': 'x-gzip' }) },
  deflate: { answer: (_q, s) => send(s, 200, deflateSync(BIG), { 'Content-Encoding': 'deflate' }) },
  'raw deflate': {
    answer: (_q, s) => send(s, 200, deflateRawSync(LIST), { 'Content-Encoding': 'deflate' }),
  },
  br: { answer: (_q, s) => send(s, 200, brotliCompressSync(BIG), { 'Content-Encoding': 'br' }) },
  'deflate then gzip': {
    answer: (_q, s) =>
      send(s, 200, gzipSync(deflateSync(LIST)), { 'Content-Encoding': 'deflate, GZIP' }),
  },
  'an unknown coding (left as sent)': {
    answer: (_q, s) => send(s, 200, LIST, { 'Content-Encoding': 'gzip, zz' }),
  },
  'a gzip stream cut short (read leniently)': {
    answer: (_q, s) => send(s, 200, gzipSync(BIG).subarray(0, 400), { 'Content-Encoding': 'gzip' }),
  },
  'gzip that is not gzip': {
    answer: (_q, s) => send(s, 200, 'plain words', { 'Content-Encoding': 'gzip' }),
  },
  'six codings': {
    answer: (_q, s) => send(s, 200, LIST, { 'Content-Encoding': 'gzip,gzip,gzip,gzip,gzip,gzip' }),
  },
  'a redirect, not followed': {
    answer: (_q, s) => send(s, 302, '', { Location: '/elsewhere' }),
  },
  'a 401 with ServiceStack words': {
    answer: (_q, s) =>
      send(s, 401, serviceStack('Session expired'), { 'Set-Cookie': 'ss-id=; Max-Age=0' }),
  },
  'a 500 with ServiceStack words, a secret masked': {
    answer: (_q, s) => send(s, 500, serviceStack(`Lookup failed for ${SECRET}.`)),
  },
  'a 500 gzipped': {
    answer: (_q, s) =>
      send(s, 500, gzipSync(serviceStack('Database down')), { 'Content-Encoding': 'gzip' }),
  },
  'a 502 as an HTML page': {
    answer: (_q, s) => send(s, 502, '<html>Bad gateway</html>', { 'Content-Type': 'text/html' }),
  },
  'a 503 with Retry-After': {
    answer: (_q, s) => send(s, 503, serviceStack('Busy'), { 'Retry-After': '7' }),
  },
  'a 404': { answer: (_q, s) => send(s, 404, serviceStack('Not found')) },
  'a 429 with its own reason phrase': {
    answer: (_q, s) => {
      s.writeHead(429, 'Slow Down Please', { 'Content-Type': 'application/json' });
      s.end(serviceStack('Too many requests'));
    },
  },
  'a 500 whose body is past 64 KB (its words are not read)': {
    answer: (_q, s) => send(s, 500, serviceStack('x'.repeat(70_000))),
  },
  'a 500 whose body stalls past the deadline': {
    answer: (_q, s) => {
      s.writeHead(500, { 'Content-Type': 'application/json' });
      s.write('{"responseStatus":');
    },
    transport: { timeoutMs: 1000 },
  },
  'a Content-Length past the cap': {
    answer: (_q, s) => send(s, 200, BIG),
    transport: { maxBodyBytes: 10_000 },
  },
  'a chunked listing past the cap': {
    answer: (_q, s) => endless(s),
    transport: { maxBodyBytes: 100_000 },
  },
  'a gzipped listing past the cap once decoded': {
    answer: (_q, s) => send(s, 200, gzipSync(BIG), { 'Content-Encoding': 'gzip' }),
    transport: { maxBodyBytes: 50_000 },
  },
  'no answer before the deadline': { answer: () => {}, transport: { timeoutMs: 100 } },
  'a body that stalls before the deadline': {
    answer: (_q, s) => {
      s.writeHead(200, { 'Content-Type': 'application/json' });
      s.write('{"sessions":[');
    },
    transport: { timeoutMs: 100 },
  },
  'a signal aborted before the request': {
    answer: (_q, s) => send(s, 200, LIST),
    request: { signal: AbortSignal.abort() },
  },
  'a POST with a JSON body, echoed': {
    answer: (q, s) => {
      let body = '';
      q.on('data', (chunk: Buffer) => (body += chunk.toString()));
      q.on('end', () => send(s, 200, JSON.stringify({ type: q.headers['content-type'], body })));
    },
    request: { method: 'POST', body: { answer: 'yes', n: 1 } },
  },
};

/**
 * Where Node and undici name the same fault differently: a network error either way, for the
 * same host; told in the same words where both codes mean one thing to the agent.
 */
const FAULTS: Record<string, { answer: Answer; fetch: string; node: string; sameWords: boolean }> =
  {
    'the server closes the connection without an answer': {
      answer: (q) => q.socket.destroy(),
      fetch: 'UND_ERR_SOCKET',
      node: 'ECONNRESET',
      sameWords: false,
    },
    'the server closes the connection mid-body': {
      answer: (_q, s) => {
        s.writeHead(200, { 'Content-Length': '1000' });
        s.write('{"sessions":[', () => s.socket?.end());
      },
      fetch: 'UND_ERR_SOCKET',
      node: 'ECONNRESET',
      sameWords: false,
    },
    'headers past what Node reads (16 KB)': {
      answer: (_q, s) => send(s, 200, LIST, { 'X-Padding': 'a'.repeat(64_000) }),
      fetch: 'UND_ERR_HEADERS_OVERFLOW',
      node: 'HPE_HEADER_OVERFLOW',
      sameWords: true,
    },
  };

let server: AnswerServer;
const paths = new Map<string, string>();
beforeAll(async () => {
  const answers: Record<string, Answer> = {};
  for (const [i, [name, answer]] of [
    ...Object.entries(ROWS).map(([name, row]) => [name, row.answer] as const),
    ...Object.entries(FAULTS).map(([name, row]) => [name, row.answer] as const),
  ].entries()) {
    paths.set(name, `/row/${i}`);
    answers[`/row/${i}`] = answer;
  }
  server = await answerServer(answers);
});
afterAll(() => server.close());

const overHttp = createListingHttp();

const BROWSERS = new Set(['accept-language', 'sec-fetch-mode']);
const withoutBrowsers = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !BROWSERS.has(name)));
const mask = (text: string) => text.replaceAll(SECRET, '•••');

type Outcome =
  | { status: number; headers: [string, string][]; cookies: string[]; text: string }
  | { kind: string; message: string; details: object };

async function outcome(name: string, viaHttp: boolean, row: Partial<Row> = {}): Promise<Outcome> {
  const transport = transportFor({ mask, ...row.transport });
  const request = listing(server.url, paths.get(name) ?? '', row.request);
  try {
    const { status, headers, body } = await sendForBytes(
      viaHttp ? { ...transport, exchangeBytes: overHttp } : transport,
      request,
      null,
    );
    // Date may tick between the two requests; everything else the server said must match.
    const kept = [...headers].filter(([key]) => key !== 'date');
    const text = body.store.toString('utf8', 0, body.length);
    return { status, headers: kept, cookies: headers.getSetCookie(), text };
  } catch (error) {
    if (!(error instanceof EvoApiError)) throw error;
    return { kind: error.kind, message: error.message, details: { ...error.details } };
  }
}

describe('the poll over node:http answers as over fetch', () => {
  it.each(Object.keys(ROWS))('%s', async (name) => {
    const before = server.seen.length;
    const overFetch = await outcome(name, false, ROWS[name]);
    const sentByFetch = server.seen.slice(before);
    const overNode = await outcome(name, true, ROWS[name]);
    const sentByNode = server.seen.slice(before + sentByFetch.length);
    expect(overNode).toEqual(overFetch);
    // The same request (or none): only the headers fetch sends as a browser would are left out.
    expect(sentByNode.map((r) => r.headers)).toEqual(
      sentByFetch.map((r) => withoutBrowsers(r.headers)),
    );
  });

  it.each(Object.keys(FAULTS))('%s: a network error either way', async (name) => {
    const [overFetch, overNode] = [await outcome(name, false), await outcome(name, true)];
    const { fetch, node, sameWords } = FAULTS[name] ?? {};
    const host = new URL(server.url).host;
    expect(overFetch).toMatchObject({ kind: 'network', details: { host, fault: fetch } });
    expect(overNode).toMatchObject({ kind: 'network', details: { host, fault: node } });
    const said = (o: Outcome) => ('message' in o ? o.message : '');
    if (sameWords) expect(said(overNode)).toBe(said(overFetch));
    else expect(said(overNode)).not.toBe(said(overFetch));
  });

  it('a refused connection', async () => {
    const gone = await answerServer({});
    gone.close();
    const request = listing(gone.url, '/sessions/my');
    const fail = (transport: Transport) =>
      sendForBytes(transport, request, null).then(
        () => 'answered',
        (error: unknown) => error instanceof EvoApiError && { ...error, message: error.message },
      );
    const overFetch = await fail(transportFor());
    expect(overFetch).toMatchObject({ kind: 'network', details: { fault: 'ECONNREFUSED' } });
    expect(await fail(transportFor({ exchangeBytes: overHttp }))).toEqual(overFetch);
  });
});
