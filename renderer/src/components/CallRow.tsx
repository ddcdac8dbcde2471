import type { Session } from '../../../main/contract.js';
import { callerLabel, lineLabel } from '../../../main/watch/reading.js';
import { callGroupOf } from '../calls.js';
import { sessionHref } from '../router.js';
import { Elapsed } from './Elapsed.js';
import { StateBadge } from './StateBadge.js';

/** One live call; the whole row is a link to its details (click or Enter). */
export function CallRow({ session }: { session: Session }) {
  const caller = callerLabel(session);
  const line = lineLabel(session) || session.endpointName;
  const held = callGroupOf(session) === 'held';
  return (
    <li class="call-row">
      <a href={sessionHref(session.id)} class="call-link">
        <span class="call-main">
          <span class="caller">{caller}</span>
          <span class="call-meta">
            {line && <span>{line}</span>}
            {session.customerName && <span>{session.customerName}</span>}
            {held && session.holdQueueName && <span>Hold queue: {session.holdQueueName}</span>}
            {held && session.holdReason === 'Transferring' && (
              <span class="transfer">transfer</span>
            )}
          </span>
        </span>
        <span class="call-side">
          <StateBadge session={session} />
          <Elapsed since={session.dateCreated} />
        </span>
      </a>
    </li>
  );
}
