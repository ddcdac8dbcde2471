interface Props {
  id: string;
  label: string;
  checked: boolean;
  error: string | undefined;
  onSave(checked: boolean): Promise<boolean>;
}

export function ToggleSetting({ id, label, checked, error, onSave }: Props) {
  return (
    <div class="setting setting-toggle">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => void onSave(e.currentTarget.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
