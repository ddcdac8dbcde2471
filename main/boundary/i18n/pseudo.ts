// The pseudo-locale (en-XA): English with every letter accented and every vowel doubled, in
// brackets. Generated from the English catalog by rewriting only the literal text of each
// message's ICU syntax tree, so placeholders, plural and select branches, and `#` still work.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, MessageId } from './catalog.js';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÁƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENT = new Map([...PLAIN].map((c, i) => [c, [...ACCENTED][i] ?? c]));

/** "Ringing" → "Ŕîîñĝîîñĝ": no plain letter left, about a third longer (as translations run). */
export function pseudoText(text: string): string {
  return [...text]
    .map((c) => {
      const accented = ACCENT.get(c) ?? c;
      return /[aeiou]/i.test(c) ? accented + accented : accented;
    })
    .join('');
}

export type PseudoCatalog = Readonly<Record<MessageId, MessageFormatElement[]>>;

/** Every message of `source` as a syntax tree with its literal text made pseudo. */
export function pseudoCatalog(source: Catalog): PseudoCatalog {
  const out: Partial<Record<MessageId, MessageFormatElement[]>> = {};
  for (const [id, message] of Object.entries(source) as [MessageId, string][]) {
    const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
    // Brackets show where a message ends, so a clipped one is seen.
    out[id] = [literal('['), ...pseudoElements(parse(message)), literal(']')];
  }
  return out as PseudoCatalog;
}

function pseudoElements(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: pseudoText(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: pseudoElements(option.value) },
        ]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) {
      return { ...element, children: pseudoElements(element.children) };
    }
    return element;
  });
}
