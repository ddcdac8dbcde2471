// Which language the agent reads: the supported ones, and the choice between the setting and
// the system's preferred languages. Pure, so main and the tests decide it the same way.
import type { Settings } from '../contract.js';

/** English first: the source language, and the one used when nothing else fits. */
export const SUPPORTED_LOCALES = ['en', 'es', 'pt-BR', 'fr', 'de'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Accented, lengthened English generated from the English catalog (pseudo.ts): text that stays
 * plain English in it was written inline, and longer words show where the layout breaks.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** Each language in its own words, as a language picker shows them (never translated). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
};

export function isSupportedLocale(code: string): code is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

/**
 * The language in use: the setting when it names a supported language, else (`''`: follow the
 * system) the first of the system's languages we speak, matched by its base language when the
 * region differs (`es-MX` → `es`, `pt-PT` → `pt-BR`), else English.
 */
export function chooseLocale(setting: string, systemLanguages: readonly string[]): Locale {
  const chosen = supportedMatch(setting);
  if (chosen !== undefined) return chosen;
  for (const language of systemLanguages) {
    const match = supportedMatch(language);
    if (match !== undefined) return match;
  }
  return 'en';
}

/** The locale of the app state: the setting, else the system's languages, else English. */
export function localeFor(
  settings: Pick<Settings, 'language'>,
  systemLanguages: readonly string[],
): Locale {
  return chooseLocale(settings.language, systemLanguages);
}

function supportedMatch(code: string): Locale | undefined {
  // Systems spell it pt_BR, pt-br or pt-BR.
  const tag = code.trim().replace(/_/g, '-').toLowerCase();
  if (tag === '') return undefined;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === tag);
  if (exact !== undefined) return exact;
  const base = tag.split('-')[0];
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase().split('-')[0] === base);
}
