import type { Session } from '../../../main/boundary/contract.js';
import type { Translate } from '../i18n.js';
import { lineLabel } from '../../../main/boundary/session-reading.js';
import { callerWords, type CallGroupName } from '../calls.js';
import { useT } from '../i18n.js';
import { sessionHref } from '../router.js';
import { Elapsed } from './Elapsed.js';
import { stateBadge } from './StateBadge.js';

/**
 * One live call of `group`, inside its list item (the list renders the `<li>`, VirtualList); the
 * whole row is a link to its details (click or Enter).
 */
export function CallRow({ session, group }: { session: Session; group: CallGroupName }) {
  const t = useT();
  const caller = callerWords(session, t);
  const line = lineLabel(session) || session.endpointName;
  const held = group === 'held';
  // Four cells of a grid (caller and badge, then the details and the time): a row is six
  // elements, so 500 calls are quick to build, style and lay out.
  return (
    <a href={sessionHref(session.id)} class="call-link">
      <span class="caller">{caller}</span>
      {stateBadge(session, group, t)}
      <span class="call-meta">
        {metaOf(session, line, held, t)}
        {held && session.holdReason === 'Transferring' && (
          <span class="transfer">{t('calls.transferring')}</span>
        )}
      </span>
      <Elapsed since={session.dateCreated} />
    </a>
  );
}

/** The line, the customer and the hold queue as one text: one node a row, not six. */
function metaOf(session: Session, line: string | undefined, held: boolean, t: Translate): string {
  const parts: string[] = [];
  if (line) parts.push(line);
  if (session.customerName) parts.push(session.customerName);
  if (held && session.holdQueueName)
    parts.push(t('calls.holdQueue', { queue: session.holdQueueName }));
  return parts.join(' · ');
}
