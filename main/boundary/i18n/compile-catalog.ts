// The window's catalogs parsed at build time (electron.vite.config.ts): the window ships syntax
// trees and IntlMessageFormat without the ICU parser, which is most of its weight. Build-time
// only: the window's code never imports this module.
import IntlMessageFormat from 'intl-messageformat';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Every message of `messages` as the tree IntlMessageFormat would parse it into itself for
 * `locale` (the same parser options: its defaults and the resolved locale), so formatting a
 * parsed catalog gives the same text as formatting the source.
 */
export function compileCatalog(
  messages: Readonly<Record<string, string>>,
  locale: string,
): Record<string, MessageFormatElement[]> {
  const resolved = IntlMessageFormat.resolveLocale(locale);
  return Object.fromEntries(
    Object.entries(messages).map(([id, message]) => [id, parse(message, { locale: resolved })]),
  );
}
