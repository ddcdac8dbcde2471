// The catalogs stay whole: every language says every message, with the same placeholders, in
// valid ICU with plural forms its language has, and English has no message nobody shows. The
// window's part holds exactly what the window's code shows (its bundle carries nothing more).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_PARTS,
  CATALOGS,
  MESSAGE_IDS,
  SUPPORTED_LOCALES,
  WINDOW_MESSAGE_IDS,
} from '../../main/boundary/i18n/index.js';

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

/** Every file under `dir`, whether it quotes a message id: what the test reads as "shows it". */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function quotedIn(files: readonly string[], id: string): boolean {
  return files.some((file) => {
    const text = readFileSync(file, 'utf8');
    return text.includes(`'${id}'`) || text.includes(`"${id}"`);
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

  it.each(SUPPORTED_LOCALES)('%s splits them as English does: the window part, main part', (l) => {
    expect(Object.keys(CATALOG_PARTS.window[l]).sort()).toEqual([...WINDOW_MESSAGE_IDS].sort());
    expect(Object.keys(CATALOG_PARTS.main[l]).sort()).toEqual(
      Object.keys(CATALOG_PARTS.main.en).sort(),
    );
    // A key in both would be two texts for one message, one of them never seen.
    const both = Object.keys(CATALOG_PARTS.main[l]).filter((id) => id in CATALOG_PARTS.window[l]);
    expect(both).toEqual([]);
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
    const sources = [...sourceFiles(join(ROOT, 'main')), ...sourceFiles(join(ROOT, 'renderer'))];
    expect(MESSAGE_IDS.filter((id) => !quotedIn(sources, id))).toEqual([]);
  });

  it("has in the window's part only messages the window's code shows", () => {
    // The renderer, and the boundary it shares with main (its catalogs' modules aside).
    const boundary = sourceFiles(join(ROOT, 'main', 'boundary')).filter(
      (file) => !file.includes(join('boundary', 'i18n')),
    );
    const windowCode = [...sourceFiles(join(ROOT, 'renderer')), ...boundary];
    expect(WINDOW_MESSAGE_IDS.filter((id) => !quotedIn(windowCode, id))).toEqual([]);
    // The other way round is the compiler's: the window's `t` takes only the window's ids.
  });
});
