// The buttons of a call's current state (main/boundary/call-action-rules.ts decides which). Decline and
// Hang up ask once more; Transfer opens a small form with the recent destinations. While an
// action is being sent its button is busy and clicks do nothing; a refusal is shown as main
// words it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallAction, EvoTrayBridge, Session } from '../../../main/boundary/contract.js';
import { actionsFor, type AgentIdentity } from '../../../main/boundary/call-action-rules.js';
import type { MessageId } from '../i18n.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';
import { TransferForm } from './TransferForm.js';

const LABELS: Readonly<Record<CallAction, { label: MessageId; busy: MessageId }>> = {
  decline: { label: 'details.action.decline', busy: 'details.action.declining' },
  hold: { label: 'details.action.hold', busy: 'details.action.holding' },
  resume: { label: 'details.action.resume', busy: 'details.action.resuming' },
  transfer: { label: 'details.action.transfer', busy: 'details.action.transferring' },
  hangUp: { label: 'details.action.hangUp', busy: 'details.action.hangingUp' },
};

/** The two that cannot be undone ask once more, and are answered by "Yes, …". */
const CONFIRM: Partial<Record<CallAction, { question: MessageId; yes: MessageId }>> = {
  decline: { question: 'details.action.confirmDecline', yes: 'details.action.yesDecline' },
  hangUp: { question: 'details.action.confirmHangUp', yes: 'details.action.yesHangUp' },
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
  const t = useT();
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
      setError(messageOf(e, t('error.unknown')));
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

  const confirm = confirming === null ? undefined : CONFIRM[confirming];
  const question = confirm === undefined ? undefined : t(confirm.question);
  return (
    <section class="call-actions" aria-label={t('details.action.group')}>
      <div class="button-row" role="group" aria-label={t('details.action.groupLabel')}>
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
            {t(busy === action ? LABELS[action].busy : LABELS[action].label)}
          </button>
        ))}
      </div>
      {confirming !== null && confirm !== undefined && question !== undefined && (
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
              {t(busy === confirming ? LABELS[confirming].busy : confirm.yes)}
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy !== null}>
              {t('details.action.cancel')}
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
