import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import {
  CATALOGS,
  chooseLocale,
  createTranslator,
  localeFor,
  MESSAGE_IDS,
  PSEUDO_LOCALE,
} from '../../main/boundary/i18n/index.js';
import { pseudoText } from '../../main/boundary/i18n/pseudo.js';

describe('chooseLocale', () => {
  it('takes the setting when it names a supported language', () => {
    expect(chooseLocale('de', ['fr-FR'])).toBe('de');
    expect(chooseLocale('pt-BR', [])).toBe('pt-BR');
  });

  it("follows the system's first language we speak when the setting is empty", () => {
    expect(chooseLocale('', ['ja-JP', 'fr-CA', 'de'])).toBe('fr');
    expect(chooseLocale('', ['es-MX'])).toBe('es');
    expect(chooseLocale('', ['es'])).toBe('es');
    expect(chooseLocale('', ['de-AT'])).toBe('de');
    expect(chooseLocale('', ['en-GB', 'es'])).toBe('en');
  });

  it('matches Portuguese of any region, and any spelling of pt-BR, to pt-BR', () => {
    expect(chooseLocale('', ['pt'])).toBe('pt-BR');
    expect(chooseLocale('', ['pt-PT'])).toBe('pt-BR');
    expect(chooseLocale('', ['pt_BR'])).toBe('pt-BR');
    expect(chooseLocale('', ['PT-br'])).toBe('pt-BR');
  });

  it('falls back to English when nothing fits', () => {
    expect(chooseLocale('', [])).toBe('en');
    expect(chooseLocale('', ['ja', 'zh-Hans-CN', ''])).toBe('en');
    expect(chooseLocale('xx', ['ko'])).toBe('en');
  });

  it('reads an unsupported setting as following the system', () => {
    expect(chooseLocale('klingon', ['es-AR'])).toBe('es');
  });

  it('localeFor reads the settings', () => {
    expect(localeFor(DEFAULT_SETTINGS, ['fr-BE'])).toBe('fr');
    expect(localeFor({ language: 'de' }, ['fr-BE'])).toBe('de');
  });
});

describe('createTranslator', () => {
  it('fills placeholders and plural forms in the language', () => {
    expect(createTranslator('en')('incoming.title', { count: 1 })).toBe('Incoming call');
    expect(createTranslator('en')('incoming.title', { count: 3 })).toBe('3 calls ringing');
    expect(createTranslator('es')('pause.minutes', { minutes: 1 })).toBe('1 minuto');
    expect(createTranslator('de')('pause.hours', { hours: 2 })).toBe('2 Stunden');
    expect(createTranslator('fr')('details.alertLatency', { seconds: 1.234 })).toBe(
      'Alerte 1,2 s après le début de la sonnerie',
    );
  });

  it('passes server text through as it came', () => {
    const t = createTranslator('fr');
    expect(t('calls.holdQueue', { queue: "Sales {hold} 'queue' #1" })).toBe(
      "File d’attente : Sales {hold} 'queue' #1",
    );
  });

  it('is one translator per locale', () => {
    expect(createTranslator('pt-BR')).toBe(createTranslator('pt-BR'));
    expect(createTranslator('pt-BR')).not.toBe(createTranslator('es'));
  });

  it('reads English for a locale it does not know', () => {
    expect(createTranslator('ja')('nav.calls')).toBe('Calls');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter and lengthens the text', () => {
    const text = pseudoText('Ringing calls');
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(text.length).toBeGreaterThan('Ringing calls'.length);
  });

  it('keeps placeholders and plurals working, and leaves their values alone', () => {
    const t = createTranslator(PSEUDO_LOCALE);
    const one = t('incoming.title', { count: 1 });
    const many = t('incoming.title', { count: 4 });
    expect(one).toBe(`[${pseudoText('Incoming call')}]`);
    expect(many).toBe(`[4${pseudoText(' calls ringing')}]`);
    expect(t('calls.holdQueue', { queue: 'Sales hold' })).toBe(
      `[${pseudoText('Hold queue: ')}Sales hold]`,
    );
  });

  it('has a message for every English one, with no plain letter outside placeholders', () => {
    const t = createTranslator(PSEUDO_LOCALE);
    for (const id of MESSAGE_IDS) {
      // Placeholders filled with digits, so any letter left is ours and unaccented.
      const names = [...CATALOGS.en[id].matchAll(/\{(\w+)/g)].map((m) => m[1] ?? '');
      const values = Object.fromEntries(names.map((name) => [name, 7]));
      const filled = t(id, values);
      expect(filled, id).not.toMatch(/[A-Za-z]/);
      expect(filled.length, id).toBeGreaterThan(createTranslator('en')(id, values).length);
    }
  });
});
