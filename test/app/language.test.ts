// AppState.locale follows the `language` setting, else the system's languages, else English;
// the agent's state is worded again when it changes; settings refusals come in that language.
import { describe, expect, it } from 'vitest';
import { followLanguage, inAgentsWords, withLocale } from '../../main/app/language.js';
import { createAppStore, withSettings } from '../../main/app/app-state.js';
import { applySettingsPatch } from '../../main/settings/index.js';
import { signedIn } from '../../harness/app-states.js';

const withLanguage = (language: string) => {
  const state = signedIn();
  return { ...state, settings: { ...state.settings, language } };
};

describe('the language in use', () => {
  it('is the setting, else the first system language spoken, else English', () => {
    expect(withLocale(withLanguage('de'), ['fr-FR']).locale).toBe('de');
    expect(withLocale(withLanguage(''), ['ja-JP', 'pt-PT', 'fr']).locale).toBe('pt-BR');
    expect(withLocale(withLanguage(''), ['ja-JP']).locale).toBe('en');
  });

  it('words the agent’s state again in the new language', () => {
    const state = {
      ...withLanguage('es'),
      agent: {
        state: 'NotReady',
        reason: 'MissedCall',
        words: 'Not ready — after a missed call',
        at: 0,
      },
    };
    expect(withLocale(state, []).agent?.words).toBe('No disponible — tras una llamada perdida');
  });

  it('follows the setting in the store, at once', () => {
    const store = createAppStore(withLanguage(''));
    let system = ['fr-CA'];
    followLanguage(store, () => system);
    expect(store.get().locale).toBe('fr');
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.locale));
    store.update((s) => withSettings(s, { ...s.settings, language: 'de' }));
    expect(store.get().locale).toBe('de');
    expect(seen.at(-1)).toBe('de');
    system = ['es'];
    store.update((s) => withSettings(s, { ...s.settings, language: '' }));
    expect(store.get().locale).toBe('es');
  });

  it('says a refused setting in the agent’s language; other errors pass as they are', () => {
    const settings = withLanguage('fr').settings;
    expect(() =>
      inAgentsWords(
        () => applySettingsPatch(settings, { holdReminderMs: 5 }),
        () => 'fr',
      ),
    ).toThrow(
      'Rappel d’attente doit être 0 (désactivé) ou entre 10 et 3600 secondes (reçu : 0,005).',
    );
    const other = new Error('disk full');
    expect(() =>
      inAgentsWords(
        () => {
          throw other;
        },
        () => 'fr',
      ),
    ).toThrow(other);
  });
});
