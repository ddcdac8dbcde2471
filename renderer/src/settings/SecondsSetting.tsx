import { useState } from 'preact/hooks';
import { useT } from '../i18n.js';
import { SetByOrganisation, describedBy } from './SetByOrganisation.js';

interface Props {
  id: string;
  label: string;
  hint?: string;
  valueMs: number;
  min?: number;
  error: string | undefined;
  /** Enforced by IT's policy: shown disabled, with the note. */
  locked?: boolean;
  onSave(ms: number): Promise<boolean>;
}

/** A duration typed in seconds; what the agent typed stays in the field until the app accepts it. */
export function SecondsSetting({
  id,
  label,
  hint,
  valueMs,
  min = 0,
  error,
  locked,
  onSave,
}: Props) {
  const t = useT();
  const [draft, setDraft] = useState<string | undefined>();
  const [typo, setTypo] = useState<string | undefined>();
  const shownError = typo ?? error;

  const commit = (text: string): void => {
    const seconds = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(seconds)) {
      setTypo(t('settings.secondsTypo'));
      return;
    }
    setTypo(undefined);
    void onSave(Math.round(seconds * 1000)).then((ok) => {
      if (ok) setDraft(undefined);
    });
  };

  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <span class="with-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          step="any"
          disabled={locked}
          value={draft ?? String(valueMs / 1000)}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(
            id,
            locked,
            hint && `${id}-hint`,
            shownError && `${id}-error`,
          )}
        />
        <span class="unit" aria-hidden="true">
          {t('settings.secondsUnit')}
        </span>
      </span>
      {locked && <SetByOrganisation controlId={id} />}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {shownError && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {shownError}
        </p>
      )}
    </div>
  );
}
