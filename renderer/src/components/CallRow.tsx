import type { Session } from '../../../main/boundary/contract.js';
import { callerLabel, lineLabel } from '../../../main/boundary/session-reading.js';
import type { CallGroupName } from '../calls.js';
import { sessionHref } from '../router.js';
import { Elapsed } from './Elapsed.js';
import { stateBadge } from './StateBadge.js';

/** One live call of `group`; the whole row is a link to its details (click or Enter). */
export function CallRow({ session, group }: { session: Session; group: CallGroupName }) {
  const caller = callerLabel(session);
  const line = lineLabel(session) || session.endpointName;
  const held = group === 'held';
  // Four cells of a grid (caller and badge, then the details and the time): a row is six
  // elements, so 500 calls are quick to build, style and lay out.
  return (
    <li class="call-row">
      <a href={sessionHref(session.id)} class="call-link">
        <span class="caller">{caller}</span>
        {stateBadge(session, group)}
        <span class="call-meta">
          {metaOf(session, line, held)}
          {held && session.holdReason === 'Transferring' && <span class="transfer">transfer</span>}
        </span>
        <Elapsed since={session.dateCreated} />
      </a>
    </li>
  );
}

/** The line, the customer and the hold queue as one text: one node a row, not six. */
function metaOf(session: Session, line: string | undefined, held: boolean): string {
  const parts: string[] = [];
  if (line) parts.push(line);
  if (session.customerName) parts.push(session.customerName);
  if (held && session.holdQueueName) parts.push(`Hold queue: ${session.holdQueueName}`);
  return parts.join(' · ');
}
