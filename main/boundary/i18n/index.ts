// Speaking the agent's language, main's side: every catalog, the translator, the choice of locale.
// The window imports only the modules it needs (renderer/src/i18n.ts), never this one: it would
// bundle every message of every language.
export { CATALOG_PARTS, CATALOGS, MESSAGE_IDS, WINDOW_MESSAGE_IDS } from './catalog.js';
export type { Catalog, MessageId, WindowCatalog, WindowMessageId } from './catalog.js';
export {
  chooseLocale,
  isSupportedLocale,
  LANGUAGE_NAMES,
  localeFor,
  PSEUDO_LOCALE,
  SUPPORTED_LOCALES,
} from './locales.js';
export type { Locale } from './locales.js';
export { createTranslator } from './translators.js';
export { translatorOf } from './translate.js';
export type { Messages, MessageValues, Translate } from './translate.js';
