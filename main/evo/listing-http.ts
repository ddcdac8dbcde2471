// The poll's exchange, over node:http and node:https instead of fetch. The poll comes every few
// seconds, and fetch (undici) pays a fixed cost for each request whatever its size: the WHATWG
// Request, Headers and body streams, AbortSignal.any, resource timing. Measured from outside
// the process (CPU per poll after warm-up, a loopback server, this 2-core machine, not quiet):
// a 22 KB listing cost 2.2–2.5 ms over fetch, 1.8–2.0 ms here (bare node:http 1.3–1.4 ms); a
// 2.25 MB one 7.9–10.8 ms over fetch, 5.1–9.5 ms here (bare node:http 4.5–8.9 ms, noisy).
//
// Everything else is as `sendForBytes` over fetch has it (request.ts), and tested side by side
// with it: one deadline on headers and body, the caller's signal, no redirect followed, the
// size cap by Content-Length and while reading, an error status read to 64 KB for
// ServiceStack's message, the same headers sent, gzip, deflate and br decoded as fetch decodes
// them (content-coding.ts: a server may compress, and asking for it as fetch does keeps the
// bytes on the wire as they were), every failure the same EvoApiError.
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { EvoApiError } from './api.js';
import { acceptedCodings, decodedBody } from './content-coding.js';
import { errorForCancel, errorForNetwork, errorForStatus, errorForTimeout } from './http-errors.js';
import {
  decode,
  ERROR_BODY_BYTES,
  parseLeniently,
  storeFor,
  tooLarge,
  withRoom,
} from './request.js';
import type {
  BodyBytes,
  BytesExchange,
  EvoBytesResponse,
  EvoRequest,
  Transport,
} from './request.js';

/**
 * An idle connection is closed after 4 s (fetch's default), or a second before the server's
 * own Keep-Alive timeout if that is sooner, so a poll seldom writes to a connection the server
 * is closing; the default 3 s poll keeps one connection. The Agent unrefs an idle socket: it
 * never keeps the process alive.
 */
export const KEPT_IDLE_MS = 4000;

/** The exchange over one keep-alive Agent per scheme, for one client. */
export function createListingHttp(idleMs = KEPT_IDLE_MS): BytesExchange {
  // The Agent's timeout closes only an idle connection: a slow answer waits for the deadline.
  const options: http.AgentOptions = { keepAlive: true, timeout: idleMs };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return (transport, request, spare) => exchange(agents, transport, request, spare);
}

async function exchange(
  agents: { http: http.Agent; https: https.Agent },
  transport: Transport,
  request: EvoRequest,
  spare: Buffer | null,
): Promise<EvoBytesResponse> {
  const { url, signal } = request;
  const host = url.host;
  if (signal?.aborted) throw errorForCancel(host);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers: http.OutgoingHttpHeaders = {
    Accept: 'application/json',
    'Accept-Encoding': acceptedCodings(url),
    'User-Agent': transport.userAgent,
    ...(body === undefined
      ? {}
      : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
    ...request.headers,
  };
  const secure = url.protocol === 'https:';
  const options = { method: request.method, headers, agent: secure ? agents.https : agents.http };
  // node:http never follows a redirect: a 3xx is an answer like any other that is not ok.
  const outgoing = secure ? https.request(url, options) : http.request(url, options);
  let timedOut = false;
  // Destroying the request ends whatever is awaited, the answer or its body, in an error.
  const giveUp = () => outgoing.destroy(new Error('given up'));
  const timer = setTimeout(() => {
    timedOut = true;
    giveUp();
  }, transport.timeoutMs);
  signal?.addEventListener('abort', giveUp, { once: true });
  let answer: IncomingMessage | undefined;
  try {
    answer = await answerTo(outgoing, body);
    const status = answer.statusCode ?? 0;
    const answerHeaders = headersOf(answer.rawHeaders);
    const source = decodedBody(answer, answerHeaders, request.method);
    if (status < 200 || status > 299) {
      // The status says what went wrong; the body may only add ServiceStack's message.
      const said = await readBody(outgoing, source, answerHeaders, ERROR_BODY_BYTES, null).then(
        (bytes) => parseLeniently(decode(bytes)),
        () => undefined,
      );
      const statusText = answer.statusMessage ?? '';
      const seen = { status, statusText, headers: answerHeaders };
      throw errorForStatus(seen, said, request.purpose, transport.now(), transport.mask);
    }
    const bytes = await readBody(outgoing, source, answerHeaders, transport.maxBodyBytes, spare);
    return { status, headers: answerHeaders, body: bytes };
  } catch (error) {
    // Drops the connection unless the answer was read to its end (an error page, too large).
    if (answer?.complete !== true) outgoing.destroy();
    if (error instanceof EvoApiError) throw error;
    if (signal?.aborted) throw errorForCancel(host);
    if (timedOut) throw errorForTimeout(host, transport.timeoutMs);
    throw errorForNetwork(error, host);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', giveUp);
  }
}

/** The answer's status line and headers; its body is left to be read. */
function answerTo(
  outgoing: http.ClientRequest,
  body: string | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // Stays for the request's life: an error after the answer is settled is already told.
    outgoing.on('error', reject);
    outgoing.once('response', (answer: IncomingMessage) => {
      // Likewise, once the body is refused (too large) before a byte of it is read.
      answer.on('error', () => {});
      resolve(answer);
    });
    outgoing.end(body);
  });
}

/** The raw header lines, each Set-Cookie kept on its own (headers.getSetCookie()). */
function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  return headers;
}

/**
 * The body read into one buffer, as request.ts reads fetch's (`spare` when large enough,
 * grown by doubling), refused past `maxBytes`: the connection dropped at once, nothing more
 * read.
 */
function readBody(
  outgoing: http.ClientRequest,
  source: Readable,
  headers: Headers,
  maxBytes: number,
  spare: Buffer | null,
): Promise<BodyBytes> {
  return new Promise((resolve, reject) => {
    let store = storeFor(headers, maxBytes, spare);
    let length = 0;
    source.on('data', (chunk: Buffer) => {
      const end = length + chunk.length;
      if (end > maxBytes) {
        outgoing.destroy();
        source.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      store = withRoom(store, length, end, maxBytes);
      chunk.copy(store, length);
      length = end;
    });
    source.once('end', () => resolve({ store, length }));
    source.once('error', reject);
    // After `end` this changes nothing; before it, the answer was cut short.
    source.once('close', () => reject(new Error('the answer ended before its body did')));
  });
}
