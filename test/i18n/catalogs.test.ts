// The catalogs stay whole: every language says every message, with the same placeholders, in
// valid ICU with plural forms its language has, and English has no message nobody shows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGE_IDS, SUPPORTED_LOCALES } from '../../main/boundary/i18n/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Each argument of a message and what it is: plain, number, date, plural, select… */
function placeholders(elements: readonly MessageFormatElement[], into = new Map<string, string>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholders(element.children, into);
      continue;
    }
    into.set(element.value, TYPE[element.type]);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
  }
  return into;
}

/** The plural elements of a message, nested ones included. */
function plurals(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.flatMap((element) => {
    if (element.type !== TYPE.plural && element.type !== TYPE.select) return [];
    const nested = Object.values(element.options).flatMap((o) => plurals(o.value));
    return element.type === TYPE.plural ? [element, ...nested] : nested;
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the catalogs', () => {
  it('has the five languages, English first', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'es', 'pt-BR', 'fr', 'de']);
    expect(MESSAGE_IDS.length).toBeGreaterThan(0);
  });

  it.each(SUPPORTED_LOCALES)('%s has every key of English and no other', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...MESSAGE_IDS].sort());
  });

  it.each(SUPPORTED_LOCALES)('%s messages are valid ICU with the same placeholders', (locale) => {
    for (const id of MESSAGE_IDS) {
      const message = CATALOGS[locale][id];
      expect(typeof message, `${locale} ${id}`).toBe('string');
      expect(message.trim(), `${locale} ${id} is empty`).not.toBe('');
      const mine = placeholders(parse(message));
      const english = placeholders(parse(CATALOGS.en[id]));
      expect(Object.fromEntries(mine), `${locale} ${id}`).toEqual(Object.fromEntries(english));
    }
  });

  it.each(SUPPORTED_LOCALES)('%s plurals use only its own plural forms, and other', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const id of MESSAGE_IDS) {
      for (const element of plurals(parse(CATALOGS[locale][id]))) {
        if (element.type !== TYPE.plural) continue;
        const forms = Object.keys(element.options);
        expect(forms, `${locale} ${id}`).toContain('other');
        for (const form of forms) {
          const valid = /^=\d+$/.test(form) || (categories as readonly string[]).includes(form);
          expect(valid, `${locale} ${id}: "${form}" is not a plural form of ${locale}`).toBe(true);
        }
      }
    }
  });

  it('has no English message that no code of main or the window shows', () => {
    const sources = [...sourceFiles(join(ROOT, 'main')), ...sourceFiles(join(ROOT, 'renderer'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = MESSAGE_IDS.filter(
      (id) => !sources.includes(`'${id}'`) && !sources.includes(`"${id}"`),
    );
    expect(unused).toEqual([]);
  });
});
