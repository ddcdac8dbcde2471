// The window's translation function: every component reads the language in use through
// these, so a new AppState.locale re-renders the whole window in it at once.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { chooseLocale } from '../../main/boundary/i18n/locales.js';
import { createTranslator, type Translate } from '../../main/boundary/i18n/translate.js';

/** Before main's first state arrives (loading, or failing to), the browser's own languages. */
export function windowLocale(): string {
  return chooseLocale('', typeof navigator === 'undefined' ? [] : navigator.languages);
}

export const LocaleContext = createContext<string>('en');

/** The language in use, for Intl (times, numbers). */
export function useLocale(): string {
  return useContext(LocaleContext);
}

/** `t(id, values)` in the language in use. */
export function useT(): Translate {
  return createTranslator(useContext(LocaleContext));
}
