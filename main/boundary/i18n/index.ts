// Speaking the agent's language: catalogs, the translator, the choice of locale.
export { CATALOGS, MESSAGE_IDS } from './catalog.js';
export type { Catalog, MessageId } from './catalog.js';
export {
  chooseLocale,
  isSupportedLocale,
  LANGUAGE_NAMES,
  localeFor,
  PSEUDO_LOCALE,
  SUPPORTED_LOCALES,
} from './locales.js';
export type { Locale } from './locales.js';
export { createTranslator } from './translate.js';
export type { MessageValues, Translate } from './translate.js';
