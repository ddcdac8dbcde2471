import { describe, expect, it } from 'vitest';
import { createCookieJar, parseSetCookie } from '../../main/evo/cookies.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function setCookies(...lines: string[]): Headers {
  const headers = new Headers();
  for (const line of lines) headers.append('Set-Cookie', line);
  return headers;
}

describe('the session cookie jar', () => {
  it('sends back what ServiceStack set at sign-in', () => {
    const jar = createCookieJar();
    jar.store(
      setCookies(
        'ss-id=abc123def456; Path=/; HttpOnly',
        'ss-pid=pid987654321; Path=/; Expires=Fri, 01 Jan 2044 00:00:00 GMT; HttpOnly',
        'ss-opt=perm; Path=/; Expires=Fri, 01 Jan 2044 00:00:00 GMT; HttpOnly',
      ),
      NOW,
    );
    expect(jar.header()).toBe('ss-id=abc123def456; ss-pid=pid987654321; ss-opt=perm');
    expect(jar.values()).toEqual(['abc123def456', 'pid987654321', 'perm']);
  });

  it('sends nothing when empty, and nothing after being cleared', () => {
    const jar = createCookieJar();
    expect(jar.header()).toBeUndefined();
    jar.store(setCookies('ss-id=abc'), NOW);
    jar.clear();
    expect(jar.header()).toBeUndefined();
  });

  it('replaces a cookie set again, and forgets one the server expires', () => {
    const jar = createCookieJar();
    jar.store(setCookies('ss-id=old', 'ss-pid=keep'), NOW);
    jar.store(setCookies('ss-id=new'), NOW);
    expect(jar.header()).toBe('ss-id=new; ss-pid=keep');
    jar.store(setCookies('ss-id=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'), NOW);
    jar.store(setCookies('ss-pid=keep; Max-Age=0'), NOW);
    expect(jar.header()).toBeUndefined();
  });

  it('ignores malformed lines and keeps hostile names harmless', () => {
    const jar = createCookieJar();
    jar.store(setCookies('no-equals-sign', '=novalue', 'bad name=x', '__proto__=polluted'), NOW);
    expect(jar.header()).toBe('__proto__=polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading a Set-Cookie line', () => {
  it('unquotes a quoted value', () => {
    expect(parseSetCookie('a="quoted value"', NOW)).toEqual({
      name: 'a',
      value: 'quoted value',
      expired: false,
    });
  });

  it('lets Max-Age decide over Expires, whichever comes first', () => {
    const past = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(parseSetCookie(`a=1; ${past}; Max-Age=60`, NOW)?.expired).toBe(false);
    expect(parseSetCookie(`a=1; Max-Age=60; ${past}`, NOW)?.expired).toBe(false);
    expect(parseSetCookie('a=1; Max-Age=-1', NOW)?.expired).toBe(true);
  });

  it('judges Expires against the time it is given', () => {
    const line = 'a=1; Expires=Mon, 02 Mar 2026 10:00:01 GMT';
    expect(parseSetCookie(line, NOW)?.expired).toBe(false);
    expect(parseSetCookie(line, NOW + 1000)?.expired).toBe(true);
  });
});
