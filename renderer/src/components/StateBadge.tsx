import type { Session } from '../../../main/boundary/contract.js';
import { callGroupOf, GROUP_TITLES, type CallGroupName } from '../calls.js';

export function StateBadge({ session, ended }: { session: Session; ended?: boolean }) {
  if (ended) return <span class="badge badge-ended">Ended</span>;
  return stateBadge(session, callGroupOf(session));
}

/**
 * The badge of a call already sorted into `group`: a plain call, not a component, so a list of
 * 500 rows renders 500 fewer components.
 */
export function stateBadge(session: Session, group: CallGroupName) {
  // An unknown state is shown in the API's own word rather than hidden.
  const label =
    group === 'other'
      ? (session.callState ?? session.queueState ?? GROUP_TITLES.other)
      : GROUP_TITLES[group];
  return <span class={`badge badge-${group}`}>{label}</span>;
}
