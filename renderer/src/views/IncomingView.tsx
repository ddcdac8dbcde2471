import type { AppState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { isOutgoing, lineLabel, sessionPhase } from '../../../main/boundary/session-reading.js';
import { callerWords } from '../calls.js';
import { Elapsed } from '../components/Elapsed.js';
import { useT } from '../i18n.js';

/**
 * The small always-on-top incoming-call window (main shows it when notifications cannot, or
 * always if the agent chose so): each ringing call with its caller, line, time ringing and Open.
 */
export function IncomingView({ state, bridge }: { state: AppState; bridge: EvoTrayBridge }) {
  const t = useT();
  const ringing = state.sessions.filter((s) => sessionPhase(s) === 'ringing' && !isOutgoing(s));
  return (
    <main class="incoming" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('incoming.title', { count: ringing.length })}
      </h1>
      <ul class="incoming-calls">
        {ringing.map((s) => {
          const line = lineLabel(s);
          return (
            <li key={s.id} class="incoming-call">
              <span class="caller">{callerWords(s, t)}</span>
              {line && <span class="line">{t('incoming.line', { line })}</span>}
              <Elapsed since={s.dateCreated} label="incoming.ringingFor" />
              <button type="button" onClick={() => void bridge.openSession(s.id)}>
                {t('incoming.open')}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
