import { LANGUAGE_NAMES, SUPPORTED_LOCALES } from '../../../main/boundary/i18n/locales.js';
import { useT } from '../i18n.js';
import { SetByOrganisation, describedBy } from './SetByOrganisation.js';
import type { SettingSaver } from './useSettingSaver.js';

/**
 * The agent's language: the system's, or one of ours, each named in its own language (an agent
 * who cannot read the current one still finds theirs). Main answers with the new locale and the
 * whole window switches at once.
 */
interface Props {
  language: string;
  saver: SettingSaver;
  /** Enforced by IT's policy: shown disabled, with the note. */
  locked?: boolean;
}

export function LanguageSetting({ language, saver, locked }: Props) {
  const t = useT();
  const error = saver.errorFor('language');
  return (
    <div class="setting">
      <label for="language">{t('settings.language')}</label>
      <select
        id="language"
        value={language}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy('language', locked, error && 'language-error')}
        onChange={(e) => void saver.save('language', { language: e.currentTarget.value })}
      >
        <option value="">{t('settings.languageSystem')}</option>
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      {locked && <SetByOrganisation controlId="language" />}
      {error && (
        <p id="language-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
