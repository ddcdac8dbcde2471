// Members' avatars, fetched by main so the window makes no network request of its own: only
// images, only over https (this machine only when the agent's server is on it too), a few at a
// time, size-capped, returned as `data:` URLs.
// Never sends a cookie or a credential, never throws: a picture that cannot be had is null, and
// the window shows initials instead.
import { isLoopback } from '../evo/server-url.js';
import { systemClock, type Clock } from '../watch/clock.js';

export const AVATAR_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
] as const;

export interface AvatarFetcherOptions {
  fetch?: typeof fetch;
  /** The configured server: pictures from this machine only when it is on this machine too. */
  server?: () => string;
  /** Fetches at once; the rest wait their turn. */
  maxInFlight?: number;
  /** Fetches waiting their turn; past that an avatar is refused (null), not queued. */
  maxQueued?: number;
  /** The largest image accepted, in bytes. */
  maxBytes?: number;
  /** For the whole fetch, body included. */
  timeoutMs?: number;
  /** How many URLs (answers and failures) are remembered; the oldest goes first. */
  cacheSize?: number;
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
}

export interface AvatarFetcher {
  /** The image as a `data:` URL, or null when it is not an allowed, reachable, small image. */
  get(url: string): Promise<string | null>;
}

/** Redirects are followed by hand, so every hop meets the same https rule. */
const MAX_REDIRECTS = 3;

export function createAvatarFetcher(options: AvatarFetcherOptions = {}): AvatarFetcher {
  const fetchImpl = options.fetch ?? fetch;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const timeoutMs = options.timeoutMs ?? 5000;
  const cacheSize = options.cacheSize ?? 200;
  const clock = options.clock ?? systemClock;
  const maxInFlight = options.maxInFlight ?? 4;
  const maxQueued = options.maxQueued ?? 100;
  const serverIsLoopback = () => {
    try {
      return isLoopback(new URL(options.server?.() ?? '').hostname);
    } catch {
      return false;
    }
  };
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  async function inTurn(url: URL): Promise<string | null> {
    if (inFlight >= maxInFlight) await new Promise<void>((go) => waiting.push(go));
    inFlight++;
    try {
      return await download(url);
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  }
  // The promise is cached, so the same avatar asked for by several rows is fetched once.
  const cache = new Map<string, Promise<string | null>>();

  async function download(url: URL): Promise<string | null> {
    const abort = new AbortController();
    const timer = clock.setTimeout(() => abort.abort(), timeoutMs);
    try {
      let target = url;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const response = await fetchImpl(target, {
          signal: abort.signal,
          redirect: 'manual',
          credentials: 'omit',
          headers: { accept: AVATAR_TYPES.join(', ') },
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          const next = allowedUrl(new URL(location, target).href, serverIsLoopback());
          if (!next) return null;
          target = next;
          continue;
        }
        return await asDataUrl(response, maxBytes);
      }
      return null;
    } catch {
      return null;
    } finally {
      clock.clearTimeout(timer);
    }
  }

  return {
    get(input) {
      const url = allowedUrl(input, serverIsLoopback());
      if (!url) return Promise.resolve(null);
      const key = url.href;
      const cached = cache.get(key);
      if (cached) return cached;
      // A flood of rows (or a hostile page) must not open hundreds of connections.
      if (inFlight >= maxInFlight && waiting.length >= maxQueued) return Promise.resolve(null);
      const answer = inTurn(url);
      cache.set(key, answer);
      if (cache.size > cacheSize) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return answer;
    },
  };
}

/**
 * https only; this machine (over http or https) only when the agent's server is on it too, so
 * a member's avatar cannot reach into local services. Never a URL with a user name or password.
 */
function allowedUrl(input: string, loopbackAllowed: boolean): URL | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (isLoopback(url.hostname)) {
    return loopbackAllowed && (url.protocol === 'https:' || url.protocol === 'http:') ? url : null;
  }
  return url.protocol === 'https:' ? url : null;
}

async function asDataUrl(response: Response, maxBytes: number): Promise<string | null> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const allowed = (AVATAR_TYPES as readonly string[]).includes(type ?? '');
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (!response.ok || !allowed || declared > maxBytes || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const body = await readCapped(response.body, maxBytes);
  return body && `data:${type};base64,${body.toString('base64')}`;
}

/** The whole body, or null as soon as it passes the cap (a server may not say its length). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return size === 0 ? null : Buffer.concat(chunks);
}
