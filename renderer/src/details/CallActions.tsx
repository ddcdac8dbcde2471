// The buttons of a call's current state (main/boundary/call-action-rules.ts decides which). Decline and
// Hang up ask once more; Transfer opens a small form with the recent destinations. While an
// action is being sent its button is busy and clicks do nothing; a refusal is shown as main
// words it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallAction, EvoTrayBridge, Session } from '../../../main/boundary/contract.js';
import { actionsFor, type AgentIdentity } from '../../../main/boundary/call-action-rules.js';
import { TransferForm } from './TransferForm.js';
import { errorMessage } from '../../../main/boundary/errors.js';

const LABELS: Readonly<Record<CallAction, { label: string; busy: string }>> = {
  decline: { label: 'Decline', busy: 'Declining…' },
  hold: { label: 'Hold', busy: 'Holding…' },
  resume: { label: 'Resume', busy: 'Resuming…' },
  transfer: { label: 'Transfer…', busy: 'Transferring…' },
  hangUp: { label: 'Hang up', busy: 'Hanging up…' },
};

/** The two that cannot be undone ask once more. */
const CONFIRM: Partial<Record<CallAction, string>> = {
  decline: 'Decline this call?',
  hangUp: 'Hang up this call?',
};

interface Props {
  session: Session;
  /** Who the agent is (user id, `/app/config` ids): which calls are theirs to act on. */
  agent: AgentIdentity;
  recent: readonly string[];
  bridge: EvoTrayBridge;
  /** Opened from the tray's "Transfer…": the form starts open. */
  transferOpen: boolean;
}

export function CallActions({ session, agent, recent, bridge, transferOpen }: Props) {
  const actions = actionsFor(session, agent);
  const [busy, setBusy] = useState<CallAction | null>(null);
  const [confirming, setConfirming] = useState<CallAction | null>(null);
  const [transferring, setTransferring] = useState(transferOpen);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setTransferring(transferOpen), [transferOpen, session.id]);
  // The question's answer takes the focus once, when it is asked (not at every state push).
  useEffect(() => {
    if (confirming !== null) confirmButton.current?.focus();
  }, [confirming]);

  if (actions.length === 0) return null;

  async function run(action: CallAction, destination?: string): Promise<void> {
    // A second click while the first is being sent does nothing.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(action);
    setError(null);
    try {
      const result = await bridge.callAction({
        sessionId: session.id,
        action,
        ...(destination === undefined ? {} : { destination }),
      });
      if (result.ok) {
        setConfirming(null);
        setTransferring(false);
      } else {
        setError(result.error);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  }

  function click(action: CallAction): void {
    if (inFlight.current) return;
    setError(null);
    if (action === 'transfer') {
      setConfirming(null);
      setTransferring(true);
    } else if (CONFIRM[action] !== undefined) {
      setTransferring(false);
      setConfirming(action);
    } else {
      void run(action);
    }
  }

  const question = confirming === null ? undefined : CONFIRM[confirming];
  return (
    <section class="call-actions" aria-label="Call actions">
      <div class="button-row" role="group" aria-label="Actions for this call">
        {actions.map((action) => (
          <button
            type="button"
            key={action}
            class={action === 'hangUp' || action === 'decline' ? 'danger' : undefined}
            aria-busy={busy === action ? 'true' : undefined}
            aria-disabled={busy !== null ? 'true' : undefined}
            aria-expanded={
              action === 'transfer'
                ? transferring
                : CONFIRM[action]
                  ? confirming === action
                  : undefined
            }
            onClick={() => click(action)}
          >
            {busy === action ? LABELS[action].busy : LABELS[action].label}
          </button>
        ))}
      </div>
      {confirming !== null && question !== undefined && (
        <div class="confirm" role="group" aria-label={question}>
          <p>{question}</p>
          <div class="button-row">
            <button
              type="button"
              class="danger primary"
              aria-busy={busy === confirming ? 'true' : undefined}
              onClick={() => void run(confirming)}
              ref={confirmButton}
            >
              {busy === confirming
                ? LABELS[confirming].busy
                : `Yes, ${LABELS[confirming].label.toLowerCase()}`}
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy !== null}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {transferring && actions.includes('transfer') && (
        <TransferForm
          recent={recent}
          busy={busy === 'transfer'}
          onSubmit={(destination) => void run('transfer', destination)}
          onCancel={() => setTransferring(false)}
        />
      )}
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
