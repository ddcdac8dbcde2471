// The one card for a look back: "While you were away: 3 missed calls". Pure.
import type { SessionEvent } from '../watch/events.js';
import { callerLabel } from '../boundary/session-reading.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

const NAMED = 3;

export function awaySummary(
  missed: readonly SessionEvent[],
  t: Translate = createTranslator('en'),
): { title: string; body: string } {
  const count = missed.length;
  const title = t('away.title', { count });
  // Callers are the server's words: listed as they came, only the sentence around is ours.
  const unknown = t('calls.unknownCaller');
  const names = [
    ...new Set(missed.map((e) => (e.session ? callerLabel(e.session, unknown) : e.body))),
  ];
  const shown = names.slice(0, NAMED).join(', ');
  const more = names.length - NAMED;
  const body =
    more > 0 ? t('away.bodyMore', { names: shown, count: more }) : t('away.body', { names: shown });
  return { title, body };
}
