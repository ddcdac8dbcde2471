// The session cookies ServiceStack hands out at sign-in (ss-id, ss-pid, ss-opt), kept in
// memory for one server and sent back on every call. Never written to disk or to a log.

export interface CookieJar {
  /** Takes every Set-Cookie of a response; an expired cookie is forgotten. */
  store(headers: Headers, now: number): void;
  /** The Cookie request header, or undefined when the jar is empty. */
  header(): string | undefined;
  /** The values held, so messages can be checked for them. */
  values(): string[];
  clear(): void;
}

const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function createCookieJar(): CookieJar {
  const cookies = new Map<string, string>();
  return {
    store(headers, now) {
      for (const line of headers.getSetCookie()) {
        const cookie = parseSetCookie(line, now);
        if (!cookie) continue;
        if (cookie.expired) cookies.delete(cookie.name);
        else cookies.set(cookie.name, cookie.value);
      }
    },
    header() {
      if (cookies.size === 0) return undefined;
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    values: () => [...cookies.values()],
    clear: () => cookies.clear(),
  };
}

interface SetCookie {
  name: string;
  value: string;
  expired: boolean;
}

/** `name=value; Path=/; Max-Age=0; …`; domain and path are moot with one server. */
export function parseSetCookie(line: string, now: number): SetCookie | null {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  if (!COOKIE_NAME.test(name)) return null;
  const value = pair
    .slice(eq + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1');
  let expired = false;
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const setting = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'max-age':
        // Max-Age wins over Expires (RFC 6265 5.3): decide on it alone.
        if (/^-?\d+$/.test(setting)) return { name, value, expired: Number(setting) <= 0 };
        break;
      case 'expires': {
        const at = Date.parse(setting);
        if (!Number.isNaN(at)) expired = at <= now;
        break;
      }
    }
  }
  return { name, value, expired };
}
