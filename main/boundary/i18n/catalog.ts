// Each language's catalog (ICU MessageFormat, keyed by message id) in two parts: the window's
// (messages/window/<locale>.json: every message the window shows, the ones main shows too among
// them) and main's own (messages/main/<locale>.json: the tray, cards, notices, API failures).
// The window is built with its part only, one language at a time (renderer/src/i18n.ts); main
// reads both. English is the source: its keys are the id types, and every other catalog must
// have exactly them (the `satisfies` below for missing keys; test/i18n/catalogs.test.ts for the rest).
import mainDe from './messages/main/de.json';
import mainEn from './messages/main/en.json';
import mainEs from './messages/main/es.json';
import mainFr from './messages/main/fr.json';
import mainPtBR from './messages/main/pt-BR.json';
import windowDe from './messages/window/de.json';
import windowEn from './messages/window/en.json';
import windowEs from './messages/window/es.json';
import windowFr from './messages/window/fr.json';
import windowPtBR from './messages/window/pt-BR.json';
import type { Locale } from './locales.js';

/** A message the window shows (main may show it too). */
export type WindowMessageId = keyof typeof windowEn;
/** Any message: the window's and main's own. */
export type MessageId = WindowMessageId | keyof typeof mainEn;
export type Catalog<Id extends string = MessageId> = Readonly<Record<Id, string>>;
export type WindowCatalog = Catalog<WindowMessageId>;
type MainCatalog = Catalog<keyof typeof mainEn>;

/** The two parts as they are on disk, for the tests that keep them whole. */
export const CATALOG_PARTS: {
  window: Readonly<Record<Locale, WindowCatalog>>;
  main: Readonly<Record<Locale, MainCatalog>>;
} = {
  window: {
    en: windowEn,
    es: windowEs satisfies WindowCatalog,
    'pt-BR': windowPtBR satisfies WindowCatalog,
    fr: windowFr satisfies WindowCatalog,
    de: windowDe satisfies WindowCatalog,
  },
  main: {
    en: mainEn,
    es: mainEs satisfies MainCatalog,
    'pt-BR': mainPtBR satisfies MainCatalog,
    fr: mainFr satisfies MainCatalog,
    de: mainDe satisfies MainCatalog,
  },
};

const whole = (locale: Locale): Catalog => ({
  ...CATALOG_PARTS.window[locale],
  ...CATALOG_PARTS.main[locale],
});

/** Every message of each language: what main translates with. */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  en: whole('en'),
  es: whole('es'),
  'pt-BR': whole('pt-BR'),
  fr: whole('fr'),
  de: whole('de'),
};

export const MESSAGE_IDS = Object.keys(CATALOGS.en) as MessageId[];
export const WINDOW_MESSAGE_IDS = Object.keys(windowEn) as WindowMessageId[];
