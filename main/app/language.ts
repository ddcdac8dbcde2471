// The language the agent reads (AppState.locale): the `language` setting, or ('' follows the
// system) the first of the system's preferred languages we speak, else English. Set at start
// and again whenever the setting changes, so the tray, the cards and the window switch at once.
import { createTranslator, localeFor } from '../boundary/i18n/index.js';
import { SettingsError, settingsRefusal } from '../settings/index.js';
import type { AppState } from '../boundary/contract.js';
import type { AppStore } from './app-state.js';
import { agentStateWords } from '../agent-state/words.js';

/** The state with the locale its settings and the system's languages choose. */
export function withLocale(state: AppState, systemLanguages: readonly string[]): AppState {
  const locale = localeFor(state.settings, systemLanguages);
  if (locale === state.locale) return state;
  // The agent's state was worded when it was read: the window shows it in the new language.
  const { agent } = state;
  const words = agent && agentStateWords(agent, createTranslator(locale));
  return { ...state, locale, ...(agent ? { agent: { ...agent, words: words ?? '' } } : {}) };
}

/**
 * Keeps the store's locale chosen. `systemLanguages` is asked on each change, so a language
 * added to the system meanwhile counts the next time the agent picks "System default".
 */
export function followLanguage(store: AppStore, systemLanguages: () => readonly string[]): void {
  const choose = (state: AppState) => withLocale(state, systemLanguages());
  store.update(choose);
  store.subscribe((state) => {
    if (choose(state) !== state) store.update(choose);
  });
}

/**
 * Runs a settings change for the window: a refusal comes back in the agent's language (the
 * language before the change), so the window shows it next to the field as it is.
 */
export function inAgentsWords<T>(change: () => T, locale: () => string): T {
  try {
    return change();
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    throw new SettingsError(e.field, settingsRefusal(e, createTranslator(locale())));
  }
}
