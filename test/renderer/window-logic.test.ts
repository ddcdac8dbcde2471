import { describe, expect, it } from 'vitest';
import { elapsedText, formatRelative, timeOf } from '../../main/boundary/times.js';
import { imageDataUrl } from '../../renderer/src/avatars.js';
import { initialsOf } from '../../renderer/src/components/Avatar.js';
import { groupCalls, pausedUntil } from '../../renderer/src/calls.js';
import { parseRoute, routeHref } from '../../renderer/src/router.js';
import { call, signedIn } from '../../harness/app-states.js';
import { callSummaryOf } from '../../main/boundary/call-row.js';
import { createTranslator } from '../../main/boundary/i18n/index.js';

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
  it("shows elapsed time as m:ss, then h:mm:ss (the tray's own rule)", () => {
    expect(elapsedText(0)).toBe('0:00');
    expect(elapsedText(59_999)).toBe('0:59');
    expect(elapsedText(754_000)).toBe('12:34');
    expect(elapsedText(3_723_000)).toBe('1:02:03');
    expect(elapsedText(-5000)).toBe('0:00');
  });

  it('reads relative times in words', () => {
    const now = Date.parse('2026-11-26T14:00:00Z');
    expect(formatRelative(now - 5000, now, 'en')).toBe('5 seconds ago');
    expect(formatRelative(now - 3 * 3600_000, now, 'en')).toBe('3 hours ago');
    expect(formatRelative(now - 86_400_000, now, 'en')).toBe('yesterday');
    expect(formatRelative(now, now, 'en')).toBe('now');
  });

  it('treats an unreadable date as unknown rather than as 1970', () => {
    expect(timeOf('not a date')).toBeUndefined();
    expect(timeOf(undefined)).toBeUndefined();
    expect(timeOf('2026-11-26T14:00:00Z')).toBe(Date.parse('2026-11-26T14:00:00Z'));
  });
});

describe('calls', () => {
  it('leaves empty groups out', () => {
    const held = callSummaryOf(call('h', { callState: 'Hold' }), createTranslator('en'), 1);
    expect(groupCalls([held]).map((g) => g.title)).toEqual(['calls.group.held']);
    expect(groupCalls([])).toEqual([]);
  });

  it('counts alerts as paused until the time passes, or until resumed', () => {
    const now = Date.parse('2026-11-26T14:00:00Z');
    expect(pausedUntil(signedIn({ alertsPausedUntil: now + 1000 }), now)).toBe(now + 1000);
    expect(pausedUntil(signedIn({ alertsPausedUntil: now }), now)).toBeUndefined();
    expect(pausedUntil(signedIn({ alertsPausedUntil: 'until-resumed' }), now)).toBe(
      'until-resumed',
    );
    const saved = signedIn();
    saved.settings = { ...saved.settings, alertsPausedUntil: now + 60_000 };
    expect(pausedUntil(saved, now)).toBe(now + 60_000);
    expect(pausedUntil(signedIn(), now)).toBeUndefined();
  });
});

describe('avatars', () => {
  it('shows only an image data: URL from main, nothing that would load from the network', () => {
    expect(imageDataUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(imageDataUrl('data:image/svg+xml,%3Csvg%3E')).toBe('data:image/svg+xml,%3Csvg%3E');
    expect(imageDataUrl('https://cdn.example.com/a.png')).toBeNull();
    expect(imageDataUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(imageDataUrl(null)).toBeNull();
  });

  it("shows a member's initials: first and last word", () => {
    expect(initialsOf('Bob Builder')).toBe('BB');
    expect(initialsOf('Ana María de la Cruz')).toBe('AC');
    expect(initialsOf('client:eve')).toBe('C');
    expect(initialsOf('  ')).toBe('');
  });
});
