// One HTTP exchange with Evo Voice: a deadline on the whole exchange (headers and body), a cap
// on the body size, JSON in and out, and every failure turned into an EvoApiError.
import { EvoApiError } from './api.js';
import { errorForCancel, errorForNetwork, errorForStatus, errorForTimeout } from './http-errors.js';
import type { Purpose } from './http-errors.js';

export interface Transport {
  fetch: typeof fetch;
  /**
   * The body-as-bytes exchange without fetch (the poll's: listing-http.ts); `sendForBytes`
   * goes through `fetch` when there is none, as it does with a fetch the caller handed in.
   */
  exchangeBytes?: BytesExchange;
  timeoutMs: number;
  maxBodyBytes: number;
  userAgent: string;
  now: () => number;
  /** Masks every secret in the server's words, before they are trimmed to one line. */
  mask?: (text: string) => string;
}

export interface EvoRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: URL;
  /** Sent as JSON. */
  body?: unknown;
  /** Cookie and Authorization, when signed in. */
  headers?: Record<string, string>;
  purpose: Purpose;
  /** The caller's way to give up before the deadline (stopping); see errorForCancel. */
  signal?: AbortSignal;
}

export interface EvoResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** Enough for any ServiceStack error; a bigger error page is not worth reading. */
export const ERROR_BODY_BYTES = 64 * 1024;

export async function send(transport: Transport, request: EvoRequest): Promise<EvoResponse> {
  return exchange(transport, request, async (response) => {
    const body = await readBytes(response, transport.maxBodyBytes, null);
    return { status: response.status, headers: response.headers, body: parseJson(decode(body)) };
  });
}

/** The body, unparsed, streamed into one buffer; `spare` is reused when it is large enough. */
export interface EvoBytesResponse {
  status: number;
  headers: Headers;
  body: BodyBytes;
}

export interface BodyBytes {
  /** The buffer the body was read into; only its first `length` bytes are the body. */
  store: Buffer;
  length: number;
}

export type BytesExchange = (
  transport: Transport,
  request: EvoRequest,
  spare: Buffer | null,
) => Promise<EvoBytesResponse>;

export async function sendForBytes(
  transport: Transport,
  request: EvoRequest,
  spare: Buffer | null,
): Promise<EvoBytesResponse> {
  if (transport.exchangeBytes) return transport.exchangeBytes(transport, request, spare);
  return exchange(transport, request, async (response) => {
    const body = await readBytes(response, transport.maxBodyBytes, spare);
    return { status: response.status, headers: response.headers, body };
  });
}

async function exchange<T>(
  transport: Transport,
  request: EvoRequest,
  readOk: (response: Response) => Promise<T>,
): Promise<T> {
  const host = request.url.host;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), transport.timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([deadline.signal, request.signal])
    : deadline.signal;
  try {
    const response = await transport.fetch(request.url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        'User-Agent': transport.userAgent,
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // A redirect could carry the password or the cookies elsewhere: never follow one.
      redirect: 'manual',
      signal,
    });
    if (!response.ok) {
      // The status says what went wrong; the body may only add ServiceStack's message.
      const body = await readBytes(response, ERROR_BODY_BYTES, null).then(
        (bytes) => parseLeniently(decode(bytes)),
        () => undefined,
      );
      throw errorForStatus(response, body, request.purpose, transport.now(), transport.mask);
    }
    return await readOk(response);
  } catch (error) {
    if (error instanceof EvoApiError) {
      // Drops the connection mid-body (too large, or an error page still streaming).
      deadline.abort();
      throw error;
    }
    if (request.signal?.aborted) throw errorForCancel(host);
    if (deadline.signal.aborted) throw errorForTimeout(host, transport.timeoutMs);
    throw errorForNetwork(error, host);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body streamed into one buffer (`spare` when it is large enough, so a poll after poll
 * touches no new memory), refusing and no longer reading anything past `maxBytes`.
 */
async function readBytes(
  response: Response,
  maxBytes: number,
  spare: Buffer | null,
): Promise<BodyBytes> {
  let store = storeFor(response.headers, maxBytes, spare);
  let length = 0;
  if (!response.body) return { store, length };
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const end = length + value.byteLength;
    if (end > maxBytes) throw tooLarge(maxBytes);
    store = withRoom(store, length, end, maxBytes);
    store.set(value, length);
    length = end;
  }
  return { store, length };
}

/**
 * The buffer a body is read into: `spare`, unless the Content-Length it declares is larger;
 * refused before any of it is read when that is past `maxBytes`.
 */
export function storeFor(headers: Headers, maxBytes: number, spare: Buffer | null): Buffer {
  const declared = Number(headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const store = spare ?? EMPTY;
  return Number.isFinite(declared) && declared > store.length
    ? Buffer.allocUnsafeSlow(declared)
    : store;
}

/** `store`, or a larger copy of its first `length` bytes when `end` does not fit (doubled). */
export function withRoom(store: Buffer, length: number, end: number, maxBytes: number): Buffer {
  if (end <= store.length) return store;
  const grown = Buffer.allocUnsafeSlow(
    Math.min(maxBytes, Math.max(end, store.length * 2, 64 * 1024)),
  );
  store.copy(grown, 0, 0, length);
  return grown;
}

const EMPTY = Buffer.alloc(0);

/** UTF-8 as fetch's text() reads it: a byte-order mark dropped, bad bytes replaced. */
export function decode(bytes: BodyBytes): string {
  return new TextDecoder().decode(bytes.store.subarray(0, bytes.length));
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

export function notJson(): EvoApiError {
  return new EvoApiError(
    'bad-response',
    'Evo Voice answered with something that is not JSON. Check the server address; if it is right, the service may be having trouble.',
  );
}

/** Error bodies may be HTML or plain text: only JSON is worth reading. */
export function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Its own state (see watch/failure.ts): the server answered, the answer is past the cap. */
export function tooLarge(maxBytes: number): EvoApiError {
  return new EvoApiError(
    'bad-response',
    `Evo Voice sent a list larger than ${size(maxBytes)}, too large to watch; it was not read. Check the server address; if it is right, ask for fewer calls to be listed to you.`,
    { bodyLimitBytes: maxBytes },
  );
}

function size(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
