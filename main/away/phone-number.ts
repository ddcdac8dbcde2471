// The number a missed call is called back on, and the check every call back passes first.
// Pure. Only digits, `+`, `*` and `#` ever reach a `tel:` link: anything else could smuggle
// parameters or another scheme into the OS's phone handler.
import type { Session } from '../boundary/session.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

const english = createTranslator('en');

export type NumberCheck = { ok: true; number: string } | { ok: false; error: string };

/** Longer than any dialable number (E.164 is at most 15 digits, plus codes and extensions). */
const MAX_DIGITS = 32;

/** Spaces, dashes, dots and brackets are how numbers are written, not part of them. */
const LAYOUT = /[\s\-.()]/g;

/**
 * The dialable form of `raw`, or why it is refused (in `t`'s language). Layout characters are
 * dropped first ("+1 (503) 555-0100" → "+15035550100"); what is left must be digits, `*` and
 * `#`, with at most one `+`, leading.
 */
export function checkPhoneNumber(raw: unknown, t: Translate = english): NumberCheck {
  const refuse = (error: string): NumberCheck => ({ ok: false, error });
  if (typeof raw !== 'string') return refuse(t('callBack.noNumber'));
  const number = raw.replace(LAYOUT, '');
  if (number === '') return refuse(t('callBack.noNumber'));
  if (!/^\+?[0-9*#]+$/.test(number)) {
    return refuse(t('callBack.notANumber', { number: shown(raw) }));
  }
  if (!/[0-9]/.test(number)) return refuse(t('callBack.noDigits', { number: shown(raw) }));
  if (number.length > MAX_DIGITS) return refuse(t('callBack.tooLong', { number: shown(raw) }));
  return { ok: true, number };
}

/** The `tel:` link for a checked number. */
export function telLink(number: string): string {
  const checked = checkPhoneNumber(number);
  if (!checked.ok) throw new Error(checked.error);
  // `#` would start a URL fragment: it is sent escaped, as RFC 3966 asks.
  return `tel:${checked.number.replace(/#/g, '%23')}`;
}

/**
 * The number to call a caller back on: the call's callback number, else the caller's phone
 * number, else its from-address when that is a number (a SIP address or a name is not).
 */
export function callBackNumberOf(session: Session): string | undefined {
  for (const candidate of [session.callbackNumber, session.fromPhoneNumber, session.fromAddress]) {
    if (candidate === undefined) continue;
    const checked = checkPhoneNumber(candidate);
    if (checked.ok) return checked.number;
  }
  return undefined;
}

/** A refused value is echoed to the agent short and on one line. */
function shown(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
