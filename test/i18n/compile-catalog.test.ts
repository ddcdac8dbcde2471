// The window ships its catalogs parsed at build time and no ICU parser: the trees must be the
// ones IntlMessageFormat builds itself, so every language, every plural form and every select
// branch reads the same as from the source.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../main/boundary/i18n/compile-catalog.js';
import {
  CATALOG_PARTS,
  SUPPORTED_LOCALES,
  translatorOf,
  WINDOW_MESSAGE_IDS,
  type Locale,
  type MessageValues,
} from '../../main/boundary/i18n/index.js';

/** A number of each plural category of `locale` (one, few, many, other…), decimals included. */
function pluralSamples(locale: Locale): number[] {
  const rules = new Intl.PluralRules(locale);
  const byCategory = new Map<string, number>();
  for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1_000_000, 0.5, 1.5, 2.5]) {
    if (!byCategory.has(rules.select(n))) byCategory.set(rules.select(n), n);
  }
  return [...byCategory.values()];
}

/** The select arguments of a message and their branches. */
function selects(elements: readonly MessageFormatElement[], into = new Map<string, string[]>()) {
  for (const element of elements) {
    if (element.type === TYPE.select) into.set(element.value, Object.keys(element.options));
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) selects(option.value, into);
    }
    if (element.type === TYPE.tag) selects(element.children, into);
  }
  return into;
}

/** Values that reach every plural category and every select branch of `tree`. */
function valueSets(tree: MessageFormatElement[], numbers: number[]): MessageValues[] {
  const branches = selects(tree);
  const rounds = Math.max(numbers.length, ...[...branches.values()].map((b) => b.length));
  const names = new Set(JSON.stringify(tree).match(/"value":"\w+"/g) ?? []);
  return Array.from({ length: rounds }, (_, i) => {
    const values: Record<string, string | number> = {};
    // Every name may be an argument: an extra value is ignored, a missing one would throw.
    for (const match of names) {
      const name = match.slice('"value":"'.length, -1);
      const options = branches.get(name);
      values[name] = options
        ? (options[i % options.length] ?? '')
        : (numbers[i % numbers.length] ?? 0);
    }
    return values;
  });
}

describe("the window's catalogs parsed at build time", () => {
  it.each(SUPPORTED_LOCALES)('%s: each tree is the one IntlMessageFormat parses itself', (l) => {
    const source = CATALOG_PARTS.window[l];
    const parsed = compileCatalog(source, l);
    expect(Object.keys(parsed).sort()).toEqual([...WINDOW_MESSAGE_IDS].sort());
    for (const id of WINDOW_MESSAGE_IDS) {
      expect(parsed[id], `${l} ${id}`).toEqual(new IntlMessageFormat(source[id], l).getAst());
    }
  });

  it.each(SUPPORTED_LOCALES)('%s: every plural form and branch reads as from the source', (l) => {
    const source = CATALOG_PARTS.window[l];
    const parsed = compileCatalog(source, l);
    const fromSource = translatorOf(l, source);
    const fromParsed = translatorOf(l, parsed);
    const numbers = pluralSamples(l);
    let pluralTexts = 0;
    for (const id of WINDOW_MESSAGE_IDS) {
      const texts = valueSets(parsed[id] ?? [], numbers).map((values) => {
        const text = fromParsed(id, values);
        expect(text, `${l} ${id} ${JSON.stringify(values)}`).toBe(fromSource(id, values));
        return text;
      });
      if (JSON.stringify(parsed[id]).includes(`"type":${TYPE.plural}`)) {
        pluralTexts += new Set(texts).size;
      }
    }
    // The plural messages did read differently by count (the samples reached their forms).
    expect(pluralTexts).toBeGreaterThan(2 * numbers.length);
  });

  it('reads Spanish, German, French and Portuguese plurals in their own words', () => {
    const t = (l: Locale) => translatorOf(l, compileCatalog(CATALOG_PARTS.window[l], l));
    expect(t('es')('pause.minutes', { minutes: 1 })).toBe('1 minuto');
    expect(t('es')('pause.minutes', { minutes: 5 })).toBe('5 minutos');
    expect(t('de')('pause.hours', { hours: 1 })).toBe('1 Stunde');
    expect(t('de')('pause.hours', { hours: 2 })).toBe('2 Stunden');
    // French counts zero as one; Brazilian Portuguese has its own words.
    expect(t('fr')('pause.minutes', { minutes: 0 })).toBe('0 minute');
    expect(t('fr')('pause.minutes', { minutes: 2 })).toBe('2 minutes');
    expect(t('pt-BR')('pause.hours', { hours: 1 })).toBe('1 hora');
    expect(t('pt-BR')('pause.hours', { hours: 2 })).toBe('2 horas');
  });
});
