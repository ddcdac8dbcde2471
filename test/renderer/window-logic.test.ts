import { describe, expect, it } from 'vitest';
import { groupCalls, safeImageUrl } from '../../renderer/src/calls.js';
import { parseRoute, routeHref } from '../../renderer/src/router.js';
import { formatElapsed, formatRelative, parseApiDate } from '../../renderer/src/time.js';
import { call } from './fixtures.js';

describe('routes', () => {
  it('reads each hash route, and anything else as the calls', () => {
    expect(parseRoute('#/calls')).toEqual({ view: 'calls' });
    expect(parseRoute('#/missed')).toEqual({ view: 'missed' });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(parseRoute('#/sessions/abc%2F1')).toEqual({ view: 'session', id: 'abc/1' });
    expect(parseRoute('')).toEqual({ view: 'calls' });
    expect(parseRoute('#/sessions/%E0%A4%A')).toEqual({ view: 'calls' });
  });

  it('writes a session route that reads back to the same id', () => {
    const id = 'a b/c?d#e';
    expect(parseRoute(routeHref({ view: 'session', id }))).toEqual({ view: 'session', id });
  });
});

describe('times', () => {
  it('shows elapsed time as m:ss, then h:mm:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(754_000)).toBe('12:34');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(-5000)).toBe('0:00');
  });

  it('reads relative times in words', () => {
    const now = Date.parse('2026-11-26T14:00:00Z');
    expect(formatRelative(now - 5000, now, 'en')).toBe('5 seconds ago');
    expect(formatRelative(now - 3 * 3600_000, now, 'en')).toBe('3 hours ago');
    expect(formatRelative(now - 86_400_000, now, 'en')).toBe('yesterday');
    expect(formatRelative(now, now, 'en')).toBe('now');
  });

  it('treats an unreadable date as unknown rather than as 1970', () => {
    expect(parseApiDate('not a date')).toBeUndefined();
    expect(parseApiDate(undefined)).toBeUndefined();
    expect(parseApiDate('2026-11-26T14:00:00Z')).toBe(Date.parse('2026-11-26T14:00:00Z'));
  });
});

describe('calls', () => {
  it('leaves empty groups out', () => {
    expect(groupCalls([call('h', { callState: 'Hold' })]).map((g) => g.title)).toEqual(['On hold']);
    expect(groupCalls([])).toEqual([]);
  });

  it('accepts avatar images over https, or http on this machine, nothing else', () => {
    expect(safeImageUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(safeImageUrl('http://localhost:3000/a.png')).toBe('http://localhost:3000/a.png');
    expect(safeImageUrl('http://[::1]/a.png')).toBe('http://[::1]/a.png');
    expect(safeImageUrl('http://example.com/a.png')).toBeUndefined();
    expect(safeImageUrl('data:image/png;base64,AAAA')).toBeUndefined();
    expect(safeImageUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeImageUrl('not a url')).toBeUndefined();
  });
});
