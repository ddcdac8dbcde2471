// Whether a filled screen-pop address may open in the system browser. Only the web: a template
// must not become a way to run a file: or custom-scheme handler with a caller's data in it.
import { isLoopback } from '../evo/server-url.js';

export type TargetRefusal = 'not-a-url' | 'scheme' | 'http-not-loopback' | 'origin-not-allowed';

export type TargetCheck =
  { ok: true; url: string } | { ok: false; reason: TargetRefusal; error: string };

/**
 * `https:` anywhere; `http:` only on this computer (a local CRM connector); and, when IT lists
 * allowed origins (the policy's allowedScreenPopOrigins), only those.
 */
export function checkTarget(url: string, allowedOrigins?: readonly string[]): TargetCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('not-a-url', 'The screen pop address is not a web address.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return refuse('scheme', 'The screen pop address must start with https://.');
  }
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    return refuse(
      'http-not-loopback',
      'The screen pop address must start with https:// (http:// only for this computer).',
    );
  }
  if (allowedOrigins !== undefined && !allowedOrigins.includes(parsed.origin)) {
    return refuse(
      'origin-not-allowed',
      `Your organisation does not allow screen pops to ${parsed.origin}.`,
    );
  }
  return { ok: true, url: parsed.href };
}

function refuse(reason: TargetRefusal, error: string): TargetCheck {
  return { ok: false, reason, error };
}
