// One HTTP exchange with Evo Voice: a deadline on the whole exchange (headers and body), a cap
// on the body size, JSON in and out, and every failure turned into an EvoApiError.
import { EvoApiError } from './api.js';
import { errorForCancel, errorForNetwork, errorForStatus, errorForTimeout } from './http-errors.js';
import type { Purpose } from './http-errors.js';

export interface Transport {
  fetch: typeof fetch;
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
const ERROR_BODY_BYTES = 64 * 1024;

export async function send(transport: Transport, request: EvoRequest): Promise<EvoResponse> {
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
      const body = await readText(response, ERROR_BODY_BYTES).then(parseLeniently, () => undefined);
      throw errorForStatus(response, body, request.purpose, transport.now(), transport.mask);
    }
    const text = await readText(response, transport.maxBodyBytes);
    return { status: response.status, headers: response.headers, body: parseJson(text) };
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

/** The body as text, refusing (and no longer reading) anything past `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EvoApiError(
      'bad-response',
      'Evo Voice answered with something that is not JSON. Check the server address; if it is right, the service may be having trouble.',
    );
  }
}

/** Error bodies may be HTML or plain text: only JSON is worth reading. */
function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function tooLarge(maxBytes: number): EvoApiError {
  return new EvoApiError(
    'bad-response',
    `Evo Voice sent an answer larger than ${size(maxBytes)}; it was not read. Check the server address.`,
  );
}

function size(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Math.round(megabytes * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
