// The one way to get a screen-pop address to open: for a call (automatic or the call's button)
// and for Settings' Test button (the sample call), so the test shows exactly what would open.
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import type { Session } from '../boundary/session.js';
import { checkTarget } from './target.js';
import { checkTemplate, fillTemplate } from './template.js';

const english = createTranslator('en');

export type ScreenPopAddress = { ok: true; url: string } | { ok: false; error: string };

export function screenPopAddress(
  template: string,
  session: Session,
  allowedOrigins?: readonly string[],
  t: Translate = english,
): ScreenPopAddress {
  if (template.trim() === '') return { ok: false, error: t('screenPop.refused.none') };
  const check = checkTemplate(template, t);
  if (!check.ok) return check;
  const target = checkTarget(fillTemplate(template, session) ?? '', allowedOrigins, t);
  return target.ok ? { ok: true, url: target.url } : { ok: false, error: target.error };
}
