import type { Session } from '../../../main/boundary/contract.js';
import type { Translate } from '../i18n.js';
import { callGroupOf, GROUP_TITLES, type CallGroupName } from '../calls.js';
import { useT } from '../i18n.js';

export function StateBadge({ session, ended }: { session: Session; ended?: boolean }) {
  const t = useT();
  if (ended) return <span class="badge badge-ended">{t('calls.ended')}</span>;
  return stateBadge(session, callGroupOf(session), t);
}

/**
 * The badge of a call already sorted into `group`: a plain call, not a component, so a list of
 * 500 rows renders 500 fewer components.
 */
export function stateBadge(session: Session, group: CallGroupName, t: Translate) {
  // An unknown state is shown in the API's own word rather than hidden.
  const label =
    group === 'other'
      ? (session.callState ?? session.queueState ?? t(GROUP_TITLES.other))
      : t(GROUP_TITLES[group]);
  return <span class={`badge badge-${group}`}>{label}</span>;
}
