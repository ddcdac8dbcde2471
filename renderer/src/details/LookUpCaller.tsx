// "Look up the caller": the call's screen pop (the CRM page), opened by main in the system
// browser whatever `when` says. A refusal (an address that may not open) is shown as main says it.
import { useState } from 'preact/hooks';
import type { EvoTrayBridge } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';

interface Props {
  sessionId: string;
  bridge: EvoTrayBridge;
}

export function LookUpCaller({ sessionId, bridge }: Props) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function lookUp(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await bridge.openScreenPop(sessionId);
      if (!result.ok) setError(result.error);
    } catch (e) {
      setError(messageOf(e, t('error.unknown')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="look-up">
      <button
        type="button"
        id="look-up-caller"
        aria-busy={busy ? true : undefined}
        aria-describedby={error ? 'look-up-error' : undefined}
        onClick={() => void lookUp()}
      >
        {busy ? t('details.lookingUp') : t('details.lookUp')}
      </button>
      {error && (
        <p id="look-up-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
