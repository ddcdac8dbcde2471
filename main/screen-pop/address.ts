// The one way to get a screen-pop address to open: for a call (automatic or the call's button)
// and for Settings' Test button (the sample call), so the test shows exactly what would open.
import type { Session } from '../boundary/session.js';
import { checkTarget } from './target.js';
import { checkTemplate, fillTemplate } from './template.js';

export type ScreenPopAddress = { ok: true; url: string } | { ok: false; error: string };

export function screenPopAddress(
  template: string,
  session: Session,
  allowedOrigins?: readonly string[],
): ScreenPopAddress {
  if (template.trim() === '') {
    return { ok: false, error: 'No screen pop address is set (Settings, Screen pop).' };
  }
  const check = checkTemplate(template);
  if (!check.ok) return check;
  const target = checkTarget(fillTemplate(template, session) ?? '', allowedOrigins);
  return target.ok ? { ok: true, url: target.url } : { ok: false, error: target.error };
}
