// The pseudo-locale (en-XA): English with every letter accented and every vowel doubled, in
// brackets. Generated from the English catalog by rewriting only the literal text of each
// message's ICU syntax tree, so placeholders, plural and select branches, and `#` still work.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Messages } from './translate.js';

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

/**
 * Every message of `source` as a syntax tree with its literal text made pseudo. The source may
 * be parsed already (the window's build ships its catalogs parsed, without the parser).
 */
export function pseudoCatalog<Id extends string>(
  source: Messages<Id>,
): Readonly<Record<Id, MessageFormatElement[]>> {
  const out: Partial<Record<Id, MessageFormatElement[]>> = {};
  for (const [id, message] of Object.entries(source) as [Id, string | MessageFormatElement[]][]) {
    const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
    const tree = typeof message === 'string' ? parse(message) : message;
    // Brackets show where a message ends, so a clipped one is seen.
    out[id] = [literal('['), ...pseudoElements(tree), literal(']')];
  }
  return out as Record<Id, MessageFormatElement[]>;
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
