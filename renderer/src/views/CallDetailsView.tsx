import type { AppState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { lineLabel } from '../../../main/boundary/session-reading.js';
import { agentOf } from '../../../main/boundary/call-action-rules.js';
import { callerWords, findCall } from '../calls.js';
import { Elapsed } from '../components/Elapsed.js';
import { StateBadge } from '../components/StateBadge.js';
import { AccountSection } from '../details/AccountSection.js';
import { AlertLatency } from '../details/AlertLatency.js';
import { CallActions } from '../details/CallActions.js';
import { CustomerSection } from '../details/CustomerSection.js';
import { IdsSection } from '../details/IdsSection.js';
import { LogTimeline } from '../details/LogTimeline.js';
import { LookUpCaller } from '../details/LookUpCaller.js';
import { MembersSection } from '../details/MembersSection.js';
import { PartiesSection } from '../details/PartiesSection.js';
import { StateSection } from '../details/StateSection.js';
import { useT } from '../i18n.js';

interface Props {
  state: AppState;
  id: string;
  /** The transfer form starts open. */
  transfer?: boolean;
  bridge: EvoTrayBridge;
  backHref: string;
}

export function CallDetailsView({ state, id, transfer = false, bridge, backHref }: Props) {
  const t = useT();
  const found = findCall(state, id);
  const back = (
    <a href={backHref} class="back">
      {t('details.back')}
    </a>
  );
  if (!found) {
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
  const { session, ended } = found;
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
