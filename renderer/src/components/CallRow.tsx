import type { CallSummary } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';
import { sessionHref } from '../router.js';
import { Elapsed } from './Elapsed.js';
import { stateBadge } from './StateBadge.js';

/**
 * One live call as main worded it, inside its list item (the list renders the `<li>`,
 * VirtualList); the whole row is a link to its details (click or Enter).
 */
export function CallRow({ call }: { call: CallSummary }) {
  const t = useT();
  // Four cells of a grid (caller and badge, then the details and the time): a row is six
  // elements, so 500 calls are quick to build, style and lay out.
  return (
    <a href={sessionHref(call.id)} class="call-link">
      <span class="caller">{call.caller}</span>
      {stateBadge(call.group, call.state, t)}
      <span class="call-meta">
        {call.meta}
        {call.transferring && <span class="transfer">{t('calls.transferring')}</span>}
      </span>
      <Elapsed since={call.since} />
    </a>
  );
}
