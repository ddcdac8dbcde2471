// The English words of the source catalog: what a screen in the pseudo-locale must not show.
// Shared by the window's proof (pseudo-window.test.tsx) and main's (pseudo-main.test.ts).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AppState } from '../../main/boundary/contract.js';
import { CATALOGS, MESSAGE_IDS } from '../../main/boundary/i18n/index.js';

/** The product's name, its server's domain and the web's schemes, the same in every language. */
const PROPER_NAMES = new Set(['evo', 'voice', 'tray', 'sip', 'https', 'http', 'evovoice']);

export const wordsOf = (text: string): string[] =>
  (text.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase());

function literals(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return Object.values(element.options).flatMap((o) => literals(o.value));
    }
    return element.type === TYPE.tag ? literals(element.children) : [];
  });
}

/** Every English word (3+ letters) of the source catalog's own text, placeholders aside. */
export const ENGLISH = new Set(
  MESSAGE_IDS.flatMap((id) => literals(parse(CATALOGS.en[id])).flatMap(wordsOf)).filter(
    (w) => !PROPER_NAMES.has(w),
  ),
);

/** The server's words in a state (names, queues, states): shown as they came, never translated. */
export function serverWords(state: AppState): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') wordsOf(value).forEach((w) => out.add(w));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk({ ...state, settings: undefined });
  return out;
}

/** The catalog's English words in `text`, except those the server itself sent (`allowed`). */
export function englishIn(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  return wordsOf(text).filter((w) => ENGLISH.has(w) && !allowed.has(w));
}
