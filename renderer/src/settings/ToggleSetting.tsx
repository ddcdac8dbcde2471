import { SetByOrganisation, describedBy } from './SetByOrganisation.js';

interface Props {
  id: string;
  label: string;
  checked: boolean;
  error: string | undefined;
  /** Enforced by IT's policy: shown disabled, with the note. */
  locked?: boolean;
  onSave(checked: boolean): Promise<boolean>;
}

export function ToggleSetting({ id, label, checked, error, locked, onSave }: Props) {
  return (
    <div class="setting setting-toggle">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={locked}
          onChange={(e) => void onSave(e.currentTarget.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, locked, error && `${id}-error`)}
        />
        {label}
      </label>
      {locked && <SetByOrganisation controlId={id} />}
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
