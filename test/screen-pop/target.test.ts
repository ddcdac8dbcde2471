import { describe, expect, it } from 'vitest';
import { checkTarget } from '../../main/screen-pop/target.js';

describe('checkTarget', () => {
  it.each([
    'https://crm.example.com/find?q=1',
    'http://localhost:3000/pop',
    'http://127.0.0.1/pop',
    'http://127.10.0.1/pop',
    'http://[::1]:8080/pop',
  ])('opens %s', (url) => {
    expect(checkTarget(url)).toEqual({ ok: true, url: new URL(url).href });
  });

  it.each([
    ['crm.example.com/find', 'not-a-url'],
    ['', 'not-a-url'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['tel:+15035550100', 'scheme'],
    ['evo-tray://open', 'scheme'],
    ['http://crm.example.com/find', 'http-not-loopback'],
    ['http://localhost.evil.example/', 'http-not-loopback'],
    ['http://127.0.0.1.evil.example/', 'http-not-loopback'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(checkTarget(url)).toMatchObject({ ok: false, reason });
  });

  it('opens only the listed origins when IT lists them', () => {
    const allowed = ['https://crm.example.com', 'http://localhost:3000'];
    expect(checkTarget('https://crm.example.com/a?b=c', allowed).ok).toBe(true);
    expect(checkTarget('http://localhost:3000/pop', allowed).ok).toBe(true);
    for (const url of [
      'https://crm.example.com.evil.example/',
      'https://crm.example.com:8443/',
      'https://evil.example/?https://crm.example.com',
      'https://crm.example.com@evil.example/',
      'http://localhost:3001/',
    ]) {
      expect(checkTarget(url, allowed)).toMatchObject({ ok: false, reason: 'origin-not-allowed' });
    }
    expect(checkTarget('https://crm.example.com/', [])).toMatchObject({ ok: false });
  });
});
