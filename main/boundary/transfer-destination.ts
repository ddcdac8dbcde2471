// Where a transfer may go: what the agent typed, checked once, and the last five kept.
import type { WindowMessageId } from './i18n/catalog.js';
import { translatorOf, type Translate } from './i18n/translate.js';
import { WINDOW_ENGLISH } from './i18n/window-english.js';

/** A number, an extension or a SIP address; nothing that could carry a second request. */
const DESTINATION = /^(?:\+?[0-9*#]{2,20}|sips?:[A-Za-z0-9._~%+-]+@[A-Za-z0-9.-]+(?::\d{1,5})?)$/;

export const RECENT_DESTINATIONS = 5;

/**
 * `problem` says which refusal it is, so the window can word it itself; `error` is the same
 * refusal in `t`'s language (English by default).
 */
export function checkDestination(
  input: string | undefined,
  t: Translate<WindowMessageId> = translatorOf('en', WINDOW_ENGLISH),
):
  | { ok: true; value: string }
  | { ok: false; problem: 'empty' | 'invalid'; typed: string; error: string } {
  const typed = (input ?? '').trim();
  // Spaces, dots, dashes and brackets are how people write numbers; a SIP address keeps them.
  const value = /^sips?:/i.test(typed) ? typed : typed.replace(/[\s().-]/g, '');
  if (value === '') {
    return {
      ok: false,
      problem: 'empty',
      typed,
      error: t('transfer.empty'),
    };
  }
  if (!DESTINATION.test(value))
    return {
      ok: false,
      problem: 'invalid',
      typed,
      error: t('transfer.invalid', { typed }),
    };
  return { ok: true, value };
}

/** The destination first, no repeats, at most five: what Transfer offers next time. */
export function rememberDestination(recent: readonly string[], used: string): string[] {
  return [used, ...recent.filter((d) => d !== used)].slice(0, RECENT_DESTINATIONS);
}
