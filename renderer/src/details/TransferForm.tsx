// Where to transfer a call: a number, an extension or a SIP address, checked as main checks
// it, with the last five destinations one click away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkDestination } from '../../../main/boundary/transfer-destination.js';
import { useT } from '../i18n.js';

/** What the placeholder offers as examples: one of each kind the form takes. */
const EXAMPLES = { number: '+15035550100', extension: '2040', sip: 'sip:desk@pbx.example.com' };

interface Props {
  recent: readonly string[];
  busy: boolean;
  onSubmit(destination: string): void;
  onCancel(): void;
}

export function TransferForm({ recent, busy, onSubmit, onCancel }: Props) {
  const t = useT();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);

  function submit(event: Event): void {
    event.preventDefault();
    if (busy) return;
    const checked = checkDestination(value);
    if (!checked.ok) {
      setProblem(
        checked.problem === 'empty'
          ? t('transfer.empty')
          : t('transfer.invalid', { typed: checked.typed }),
      );
      return;
    }
    setProblem(null);
    onSubmit(checked.value);
  }

  return (
    <form class="transfer-form" onSubmit={submit} aria-labelledby="transfer-title" noValidate>
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <label for="transfer-destination">{t('transfer.destination')}</label>
      <input
        id="transfer-destination"
        type="text"
        value={value}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('transfer.placeholder', EXAMPLES)}
        aria-invalid={problem !== null ? 'true' : undefined}
        aria-describedby={problem !== null ? 'transfer-problem' : undefined}
        onInput={(e) => setValue(e.currentTarget.value)}
        ref={input}
      />
      {problem !== null && (
        <p id="transfer-problem" class="field-error">
          {problem}
        </p>
      )}
      {recent.length > 0 && (
        <div class="recent" role="group" aria-label={t('transfer.recentLabel')}>
          <p class="muted">{t('transfer.recent')}</p>
          <div class="button-row">
            {recent.map((destination) => (
              <button
                type="button"
                key={destination}
                class="recent-destination"
                aria-label={t('transfer.use', { destination })}
                onClick={() => {
                  setValue(destination);
                  setProblem(null);
                }}
              >
                {destination}
              </button>
            ))}
          </div>
        </div>
      )}
      <div class="button-row">
        <button type="submit" class="primary" aria-busy={busy ? 'true' : undefined}>
          {busy ? t('details.action.transferring') : t('transfer.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('details.action.cancel')}
        </button>
      </div>
    </form>
  );
}
