import type { Session } from '../../../main/contract.js';
import { callGroupOf, type CallGroupName } from '../calls.js';

const LABELS: Record<Exclude<CallGroupName, 'other'>, string> = {
  ringing: 'Ringing',
  held: 'On hold',
  connected: 'Connected',
  queued: 'Queued',
};

export function StateBadge({ session, ended }: { session: Session; ended?: boolean }) {
  if (ended) return <span class="badge badge-ended">Ended</span>;
  const group = callGroupOf(session);
  // An unknown state is shown in the API's own word rather than hidden.
  const label =
    group === 'other' ? (session.callState ?? session.queueState ?? 'Other') : LABELS[group];
  return <span class={`badge badge-${group}`}>{label}</span>;
}
