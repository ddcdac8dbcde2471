// Whether a filled screen-pop address may open in the system browser. Only the web: a template
// must not become a way to run a file: or custom-scheme handler with a caller's data in it.
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import { isLoopback } from '../evo/server-url.js';

const english = createTranslator('en');

export type TargetRefusal = 'not-a-url' | 'scheme' | 'http-not-loopback' | 'origin-not-allowed';

export type TargetCheck =
  { ok: true; url: string } | { ok: false; reason: TargetRefusal; error: string };

/**
 * `https:` anywhere; `http:` only on this computer (a local CRM connector); and, when IT lists
 * allowed origins (the policy's allowedScreenPopOrigins), only those.
 */
export function checkTarget(
  url: string,
  allowedOrigins?: readonly string[],
  t: Translate = english,
): TargetCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not-a-url', t('screenPop.refused.notUrl'));
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return refuse('scheme', t('screenPop.refused.scheme'));
  }
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return refuse('http-not-loopback', t('screenPop.refused.http'));
  }
  if (allowedOrigins !== undefined && !allowedOrigins.includes(parsed.origin)) {
    return refuse('origin-not-allowed', t('screenPop.refused.origin', { origin: parsed.origin }));
  }
  return { ok: true, url: parsed.href };
}

function refuse(reason: TargetRefusal, error: string): TargetCheck {
  return { ok: false, reason, error };
}
