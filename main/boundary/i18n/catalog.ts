// One catalog per language (messages/<locale>.json), keyed by message id, in ICU MessageFormat.
// English is the source: its keys are the MessageId type, and every other catalog must have
// exactly them (the `satisfies` below for missing keys; test/i18n/catalogs.test.ts for the rest).
import de from './messages/de.json';
import en from './messages/en.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import ptBR from './messages/pt-BR.json';
import type { Locale } from './locales.js';

export type MessageId = keyof typeof en;
export type Catalog = Readonly<Record<MessageId, string>>;

export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  en,
  es: es satisfies Catalog,
  'pt-BR': ptBR satisfies Catalog,
  fr: fr satisfies Catalog,
  de: de satisfies Catalog,
};

export const MESSAGE_IDS = Object.keys(en) as MessageId[];
