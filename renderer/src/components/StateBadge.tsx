import type { CallGroupName, Session } from '../../../main/boundary/contract.js';
import type { Translate } from '../i18n.js';
import { callGroupOf, GROUP_TITLES } from '../calls.js';
import { useT } from '../i18n.js';

export function StateBadge({ session, ended }: { session: Session; ended?: boolean }) {
  const t = useT();
  if (ended) return <span class="badge badge-ended">{t('calls.ended')}</span>;
  const group = callGroupOf(session);
  return stateBadge(group, session.callState ?? session.queueState, t);
}

/**
 * The badge of a call in `group`: a plain call, not a component, so a list of 500 rows renders
 * 500 fewer components. `apiState` is the API's own word, shown for a state we do not know
 * rather than hidden.
 */
export function stateBadge(group: CallGroupName, apiState: string | undefined, t: Translate) {
  const label = group === 'other' ? (apiState ?? t(GROUP_TITLES.other)) : t(GROUP_TITLES[group]);
  return <span class={`badge badge-${group}`}>{label}</span>;
}
