// The translation function: `t(id, values)` over one language's catalog. Text from the server
// (caller names, queues, log lines, its errors) goes in as values and comes out as it came: only
// our own words are translated. Main's translators (every message, every language) are in
// translators.ts; the window's (its own messages, its language loaded when needed) in
// renderer/src/i18n.ts. This module holds no catalog, so the window bundles only what it loads.
import IntlMessageFormat from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageId } from './catalog.js';

export type MessageValues = Readonly<Record<string, string | number | Date>>;
export type Translate<Id extends string = MessageId> = (id: Id, values?: MessageValues) => string;

/**
 * A catalog as ICU source, or as syntax trees parsed ahead (compile-catalog.ts: the window's
 * build ships them parsed, and without the parser).
 */
export type Messages<Id extends string> = Readonly<Record<Id, string | MessageFormatElement[]>>;

/**
 * The translator of `messages` in `locale`. Each message's formatter is built on its first use and
 * kept: parsing a message and loading its plural rules cost far more than formatting it again.
 */
export function translatorOf<Id extends string>(
  locale: string,
  messages: Messages<Id>,
): Translate<Id> {
  const formats = new Map<Id, IntlMessageFormat>();
  return (id, values) => {
    let format = formats.get(id);
    if (format === undefined) {
      format = new IntlMessageFormat(messages[id], locale);
      formats.set(id, format);
    }
    return String(format.format(values));
  };
}
