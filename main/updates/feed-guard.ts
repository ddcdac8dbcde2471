// The update feed, kept from costing the calls anything. electron-updater's HTTP executor
// (builder-util-runtime's HttpExecutor) reads an error answer's whole body into the error's
// message: a 500 with a 300 MB body became a 300 MB error, stringified, scrubbed and logged on the
// main process, and polls waited 52 s behind it. It also follows a redirect without counting it
// (its redirectCount is never raised), so a feed that redirects to itself is thousands of
// requests in seconds. Every request the updater makes, the check's and the download's, goes
// through the executor's createRequest: this wraps that one method. A redirect is followed with
// a copy of the request's options ({...options}), so a mark on them travels down the chain.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { errorMessage } from '../boundary/errors.js';

/**
 * A check is a few requests (the feed, a redirect or two, the download, its block maps). The
 * range requests of a differential download are not counted: their number is the block map's.
 */
export const MAX_FEED_REQUESTS_PER_CHECK = 30;
/** Redirects followed from one request (what the executor's own maxRedirects meant to allow). */
export const MAX_FEED_REDIRECTS = 10;
/** Of an error answer's body, what the log line may quote. */
export const ERROR_BODY_BYTES = 512;
/** The longest line the updater may write to the log. */
export const UPDATE_LOG_CHARS = 400;

// EventEmitter's own listener type: Node's and Electron's emitters both take it.
type Listener = Parameters<EventEmitter['on']>[1];

/** What the guard reads of an answer (Electron's IncomingMessage, or Node's). */
export interface FeedResponse {
  statusCode?: number;
  statusMessage?: string;
  headers: unknown;
  on(event: string, listener: Listener): unknown;
}

export interface FeedRequest {
  abort(): void;
  on(event: string, listener: Listener): unknown;
}

/** The seam: builder-util-runtime's HttpExecutor.createRequest, which every request goes through. */
export interface FeedExecutor {
  createRequest(options: unknown, callback: (response: FeedResponse) => void): FeedRequest;
}

export interface FeedGuard {
  /** A new check: its own budget of requests. */
  startCheck(): void;
  /** Requests asked for since the check started, refused ones included. */
  requestsThisCheck(): number;
}

export interface FeedLimits {
  maxRequests: number;
  maxRedirects: number;
  errorBodyBytes: number;
}

const LIMITS: FeedLimits = {
  maxRequests: MAX_FEED_REQUESTS_PER_CHECK,
  maxRedirects: MAX_FEED_REDIRECTS,
  errorBodyBytes: ERROR_BODY_BYTES,
};

/** Redirects so far, on a request's options (copied along with them to the next hop). */
const HOPS = Symbol('redirects so far');
type Marked = { [HOPS]?: number; headers?: Record<string, unknown> };

export function guardFeed(executor: FeedExecutor, limits: FeedLimits = LIMITS): FeedGuard {
  const create = executor.createRequest.bind(executor);
  let made = 0;
  executor.createRequest = (options, callback) => {
    const marked = (options ?? {}) as Marked;
    const hops = marked[HOPS] ?? 0;
    if (marked.headers?.['range'] === undefined) made += 1;
    if (hops > limits.maxRedirects) {
      return refused(`more than ${limits.maxRedirects} redirects from one request`);
    }
    if (made > limits.maxRequests) {
      return refused(`more than ${limits.maxRequests} requests in one check`);
    }
    const followed = () => void (marked[HOPS] = hops + 1);
    const request: FeedRequest = create(options, (response) => {
      const status = response.statusCode ?? 0;
      // Node's answer to a redirect comes here; Electron's net reports it as 'redirect'.
      if (status >= 300 && status < 400) followed();
      callback(
        status >= 400 ? bounded(response, () => request.abort(), limits.errorBodyBytes) : response,
      );
    });
    request.on('redirect', followed);
    return request;
  };
  return {
    startCheck: () => void (made = 0),
    requestsThisCheck: () => made,
  };
}

/**
 * The error answer as the executor will read it: its first `limit` bytes, then its end. The
 * rest is never read (the request is aborted once the executor has its error).
 */
function bounded(response: FeedResponse, abort: () => void, limit: number): FeedResponse {
  const head = Object.assign(new PassThrough(), {
    statusCode: response.statusCode,
    statusMessage: response.statusMessage,
    headers: response.headers,
  });
  let kept = 0;
  const finish = () => {
    if (!head.writableEnded) head.end();
  };
  response.on('data', (chunk: Buffer | string) => {
    if (head.writableEnded) return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const part = bytes.subarray(0, limit - kept);
    kept += part.length;
    head.write(part);
    if (kept >= limit) finish();
  });
  response.on('end', finish);
  // After the abort the rest of the answer may fail: the executor has its error already.
  response.on('error', (e: Error) => {
    if (!head.writableEnded) head.destroy(e);
  });
  // Aborted only once the executor has read the end (its rejection is the HTTP error).
  head.once('close', abort);
  return head;
}

/** A request never sent: it fails as the executor expects a request to fail. */
function refused(why: string): FeedRequest {
  const request = new EventEmitter();
  return Object.assign(request, {
    abort() {},
    write() {},
    end() {
      setImmediate(() => request.emit('error', new Error(`The update feed asked for ${why}`)));
    },
  });
}

/**
 * One short line for a failed check: an HTTP error's status and the start of what it says
 * (the executor puts the URL and the body in `description`), else the error's first line. It
 * never reads more of a long message than it keeps.
 */
export function failureSummary(e: unknown, max = UPDATE_LOG_CHARS): string {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  const description = (e as { description?: unknown } | null)?.description;
  if (e instanceof Error && typeof status === 'number') {
    const detail = typeof description === 'string' ? ` ${squeeze(description, max)}` : '';
    return clip(`HTTP ${status}${detail}`, max);
  }
  const text = errorMessage(e);
  return clip(text.slice(0, max * 2).split('\n')[0] ?? '', max);
}

/** Anything the updater logs, as one bounded string (its messages carry stack traces). */
export function updaterLine(message: unknown, max = UPDATE_LOG_CHARS): string {
  const text =
    message instanceof Error ? (message.stack ?? message.message) : String(message ?? '');
  return clip(squeeze(text, max), max);
}

function squeeze(text: string, max: number): string {
  return text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
