// The one translation function of each side: `createTranslator(locale)` → `t(id, values)`.
// Text from the server (caller names, queues, log lines, its errors) goes in as values and
// comes out as it came: only our own words are translated.
import IntlMessageFormat from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGS, type MessageId } from './catalog.js';
import { isSupportedLocale, PSEUDO_LOCALE } from './locales.js';
import { pseudoCatalog, type PseudoCatalog } from './pseudo.js';

export type MessageValues = Readonly<Record<string, string | number | Date>>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

const translators = new Map<string, Translate>();
let pseudo: PseudoCatalog | undefined;

/**
 * The translator of `locale` (a supported locale, or en-XA; anything else reads English), built
 * once per locale. Each message's formatter is built on its first use and kept: parsing a
 * message and loading its plural rules cost far more than formatting it again.
 */
export function createTranslator(locale: string): Translate {
  const known = translators.get(locale);
  if (known !== undefined) return known;
  const messages = messagesOf(locale);
  const formats = new Map<MessageId, IntlMessageFormat>();
  const t: Translate = (id, values) => {
    let format = formats.get(id);
    if (format === undefined) {
      format = new IntlMessageFormat(messages[id], locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
  translators.set(locale, t);
  return t;
}

function messagesOf(locale: string): Readonly<Record<MessageId, string | MessageFormatElement[]>> {
  if (locale === PSEUDO_LOCALE) {
    pseudo ??= pseudoCatalog(CATALOGS.en);
    return pseudo;
  }
  return isSupportedLocale(locale) ? CATALOGS[locale] : CATALOGS.en;
}
