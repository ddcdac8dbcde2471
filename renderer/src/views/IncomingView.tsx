import type { EvoTrayBridge, WindowState } from '../../../main/boundary/contract.js';
import { Elapsed } from '../components/Elapsed.js';
import { useT } from '../i18n.js';

/**
 * The small always-on-top incoming-call window (main shows it when notifications cannot, or
 * always if the agent chose so): each ringing call with its caller, line, time ringing and Open.
 * Main's summaries of ringing calls carry their line and whether they are outgoing: all it needs.
 */
export function IncomingView({ state, bridge }: { state: WindowState; bridge: EvoTrayBridge }) {
  const t = useT();
  const ringing = state.calls.filter((c) => c.group === 'ringing' && !c.outgoing);
  return (
    <main class="incoming" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('incoming.title', { count: ringing.length })}
      </h1>
      <ul class="incoming-calls">
        {ringing.map((c) => (
          <li key={c.id} class="incoming-call">
            <span class="caller">{c.caller}</span>
            {c.line && <span class="line">{t('incoming.line', { line: c.line })}</span>}
            <Elapsed since={c.since} label="incoming.ringingFor" />
            <button type="button" onClick={() => void bridge.openSession(c.id)}>
              {t('incoming.open')}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
