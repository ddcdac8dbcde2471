import type { WindowState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { lineLabel } from '../../../main/boundary/session-reading.js';
import { agentOf } from '../../../main/boundary/call-action-rules.js';
import { callerWords } from '../calls.js';
import { Elapsed } from '../components/Elapsed.js';
import { StateBadge } from '../components/StateBadge.js';
import { AccountSection } from '../details/AccountSection.js';
import { AlertLatency } from '../details/AlertLatency.js';
import { CallActions } from '../details/CallActions.js';
import { CustomerSection } from '../details/CustomerSection.js';
import { useFetchedCall } from '../details/fetched-call.js';
import { IdsSection } from '../details/IdsSection.js';
import { LogTimeline } from '../details/LogTimeline.js';
import { LookUpCaller } from '../details/LookUpCaller.js';
import { MembersSection } from '../details/MembersSection.js';
import { PartiesSection } from '../details/PartiesSection.js';
import { StateSection } from '../details/StateSection.js';
import { useT } from '../i18n.js';

interface Props {
  state: WindowState;
  id: string;
  /** The transfer form starts open. */
  transfer?: boolean;
  bridge: EvoTrayBridge;
  backHref: string;
}

export function CallDetailsView({ state, id, transfer = false, bridge, backHref }: Props) {
  const t = useT();
  const fetched = useFetchedCall(bridge, id, state.calls.find((c) => c.id === id)?.rev);
  const back = (
    <a href={backHref} class="back">
      {t('details.back')}
    </a>
  );
  if (fetched.status === 'loading') {
    // Quiet: the heading (which takes focus) says it, nothing else moves.
    return (
      <main class="details" aria-labelledby="view-title" aria-busy="true">
        {back}
        <div class="details-head">
          <h1 id="view-title" tabIndex={-1} class="muted">
            {t('app.loading')}
          </h1>
        </div>
      </main>
    );
  }
  if (fetched.status === 'gone') {
    return (
      <main class="details" aria-labelledby="view-title">
        {back}
        <h1 id="view-title" tabIndex={-1}>
          {t('details.gone')}
        </h1>
        <p class="muted">{t('details.goneHint')}</p>
      </main>
    );
  }
  const { session, ended } = fetched.call;
  const line = lineLabel(session);
  return (
    <main class="details" aria-labelledby="view-title">
      {back}
      <div class="details-head">
        <h1 id="view-title" tabIndex={-1}>
          {callerWords(session, t)}
        </h1>
        <StateBadge session={session} ended={ended} />
        {!ended && <Elapsed since={session.dateCreated} />}
      </div>
      {line && <p class="muted">{line}</p>}
      <AlertLatency state={state} id={id} />
      {ended && <p class="ended-note">{t('details.ended')}</p>}
      {!ended && (
        <CallActions
          session={session}
          agent={agentOf(state)}
          recent={state.settings.recentDestinations}
          bridge={bridge}
          transferOpen={transfer}
        />
      )}
      {state.settings.screenPop.url !== '' && (
        <LookUpCaller sessionId={session.id} bridge={bridge} />
      )}
      <PartiesSection session={session} />
      <StateSection session={session} />
      <MembersSection members={session.members} bridge={bridge} />
      <LogTimeline log={session.log} />
      <CustomerSection session={session} />
      <AccountSection session={session} />
      <IdsSection session={session} bridge={bridge} />
    </main>
  );
}
