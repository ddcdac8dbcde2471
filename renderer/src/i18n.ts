// The window's translation function: every component reads the language in use through these,
// so a new AppState.locale re-renders the whole window in it at once. The window carries only
// its own messages (never main's tray, card or API words), English in its main chunk, and each
// other language as a chunk of its own, loaded when the state first asks for it: until it has
// arrived the window keeps the language it was showing, never a message id.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { WindowMessageId } from '../../main/boundary/i18n/catalog.js';
import { chooseLocale, type Locale, PSEUDO_LOCALE } from '../../main/boundary/i18n/locales.js';
import {
  translatorOf,
  type Messages,
  type Translate as TranslateAny,
} from '../../main/boundary/i18n/translate.js';
import { WINDOW_ENGLISH } from '../../main/boundary/i18n/window-english.js';

/** A message the window shows: main's own messages are not in the window's catalogs. */
export type MessageId = WindowMessageId;
export type Translate = TranslateAny<MessageId>;

type WindowMessages = Messages<MessageId>;

/** Every language but English, each its own chunk: the window loads the one in use. */
const LOADERS: Readonly<
  Record<Exclude<Locale, 'en'> | typeof PSEUDO_LOCALE, () => Promise<WindowMessages>>
> = {
  es: () => import('../../main/boundary/i18n/messages/window/es.json').then((m) => m.default),
  'pt-BR': () =>
    import('../../main/boundary/i18n/messages/window/pt-BR.json').then((m) => m.default),
  fr: () => import('../../main/boundary/i18n/messages/window/fr.json').then((m) => m.default),
  de: () => import('../../main/boundary/i18n/messages/window/de.json').then((m) => m.default),
  // The tests' accented English, made from the English catalog by a chunk of its own.
  [PSEUDO_LOCALE]: () =>
    import('../../main/boundary/i18n/pseudo.js').then((m) => m.pseudoCatalog(WINDOW_ENGLISH)),
};

const ENGLISH = translatorOf('en', WINDOW_ENGLISH);
const loaded = new Map<string, Translate>([['en', ENGLISH]]);
const loading = new Map<string, Promise<void>>();

function loaderOf(locale: string): (() => Promise<WindowMessages>) | undefined {
  return Object.hasOwn(LOADERS, locale) ? LOADERS[locale as keyof typeof LOADERS] : undefined;
}

/** Whether `locale` can be shown now: English, a language that has arrived, or one we lack. */
function isReady(locale: string): boolean {
  return loaded.has(locale) || loaderOf(locale) === undefined;
}

/**
 * Fetches `locale`'s chunk once (a second call while it is on its way shares the first);
 * resolves when its translator is ready. A failed load is forgotten, so the next asking retries.
 */
export function loadLocale(locale: string): Promise<void> {
  const load = loaderOf(locale);
  if (loaded.has(locale) || load === undefined) return Promise.resolve();
  let pending = loading.get(locale);
  if (pending === undefined) {
    pending = load()
      .then((messages) => void loaded.set(locale, translatorOf(locale, messages)))
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** Settles when every language asked for so far has arrived or failed (for the tests). */
export async function languagesLoading(): Promise<void> {
  await Promise.allSettled([...loading.values()]);
}

/** The translator of `locale` if it has arrived, else English (a language we lack reads English). */
export function translatorNow(locale: string): Translate {
  return loaded.get(locale) ?? ENGLISH;
}

/**
 * The language to show while the state asks for `wanted`: `wanted` as soon as its chunk has
 * arrived, until then the one shown before (English at first).
 */
export function useShownLocale(wanted: string): string {
  const [shown, setShown] = useState(() => (isReady(wanted) ? wanted : 'en'));
  useEffect(() => {
    let current = true;
    loadLocale(wanted).then(
      () => current && setShown(wanted),
      // The packaged chunk failed to load: the language shown stays; asking for it again retries.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  return isReady(wanted) ? wanted : shown;
}

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
  return translatorNow(useContext(LocaleContext));
}
