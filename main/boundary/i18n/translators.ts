// Main's translators: every message (the window's and main's own), every language, built once
// per locale.
import { CATALOGS } from './catalog.js';
import { isSupportedLocale, PSEUDO_LOCALE } from './locales.js';
import { pseudoCatalog } from './pseudo.js';
import { translatorOf, type Translate } from './translate.js';

const translators = new Map<string, Translate>();

/** The translator of `locale` (a supported locale, or en-XA; anything else reads English). */
export function createTranslator(locale: string): Translate {
  let t = translators.get(locale);
  if (t === undefined) {
    if (locale === PSEUDO_LOCALE) t = translatorOf(locale, pseudoCatalog(CATALOGS.en));
    else t = translatorOf(locale, isSupportedLocale(locale) ? CATALOGS[locale] : CATALOGS.en);
    translators.set(locale, t);
  }
  return t;
}
