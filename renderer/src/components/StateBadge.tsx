import type { Session } from '../../../main/contract.js';
import { callGroupOf, GROUP_TITLES } from '../calls.js';

export function StateBadge({ session, ended }: { session: Session; ended?: boolean }) {
  if (ended) return <span class="badge badge-ended">Ended</span>;
  const group = callGroupOf(session);
  // An unknown state is shown in the API's own word rather than hidden.
  const label =
    group === 'other'
      ? (session.callState ?? session.queueState ?? GROUP_TITLES.other)
      : GROUP_TITLES[group];
  return <span class={`badge badge-${group}`}>{label}</span>;
}
