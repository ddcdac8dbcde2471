import type { AppState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import {
  callerLabel,
  isOutgoing,
  lineLabel,
  sessionPhase,
} from '../../../main/boundary/session-reading.js';
import { Elapsed } from '../components/Elapsed.js';

/**
 * The small always-on-top incoming-call window (main shows it when notifications cannot, or
 * always if the agent chose so): each ringing call with its caller, line, time ringing and Open.
 */
export function IncomingView({ state, bridge }: { state: AppState; bridge: EvoTrayBridge }) {
  const ringing = state.sessions.filter((s) => sessionPhase(s) === 'ringing' && !isOutgoing(s));
  return (
    <main class="incoming" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {ringing.length === 1 ? 'Incoming call' : `${ringing.length} calls ringing`}
      </h1>
      <ul class="incoming-calls">
        {ringing.map((s) => {
          const line = lineLabel(s);
          return (
            <li key={s.id} class="incoming-call">
              <span class="caller">{callerLabel(s)}</span>
              {line && <span class="line">On {line}</span>}
              <Elapsed since={s.dateCreated} label="Ringing for" />
              <button type="button" onClick={() => void bridge.openSession(s.id)}>
                Open
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
