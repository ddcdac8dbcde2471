// What the window's lists show of a call: main words each live call once (in the agent's
// language) and pushes only that, so 5,000 calls cross IPC as a few hundred KB, not as 12 MB of
// full sessions. The call's details (log, members, every field) are fetched when they open
// (`getCall`).
import type { WindowMessageId } from './i18n/catalog.js';
import type { Translate } from './i18n/translate.js';
import type { CallGroupName, CallSummary } from './contract.js';
import type { Session } from './session.js';
import { callerLabel, isOutgoing, lineLabel, sessionPhase } from './session-reading.js';
import { timeOf } from './times.js';

/** Each group's title, which is also the word on its state badge. */
export const GROUP_TITLES: Readonly<Record<CallGroupName, WindowMessageId>> = {
  ringing: 'calls.group.ringing',
  held: 'calls.group.held',
  connected: 'calls.group.connected',
  queued: 'calls.group.queued',
  other: 'calls.group.other',
};

export function callGroupOf(
  session: Pick<Session, 'callState' | 'queueState' | 'ended'>,
): CallGroupName {
  const phase = sessionPhase(session);
  return phase === 'ringing' || phase === 'held' || phase === 'connected' || phase === 'queued'
    ? phase
    : 'other';
}

/** The call's summary in `t`'s language; `rev` is the caller's count of changes to it. */
export function callSummaryOf(session: Session, t: Translate, rev: number): CallSummary {
  const group = callGroupOf(session);
  const row: CallSummary = {
    id: session.id,
    group,
    caller: callerLabel(session, t('calls.unknownCaller')),
    rev,
  };
  const meta = metaOf(session, group === 'held', t);
  if (meta !== '') row.meta = meta;
  if (group === 'other') {
    const word = session.callState ?? session.queueState;
    if (word !== undefined) row.state = word;
  }
  if (group === 'held' && session.holdReason === 'Transferring') row.transferring = true;
  const since = timeOf(session.dateCreated);
  if (since !== undefined) row.since = since;
  if (group === 'ringing') {
    const line = lineLabel(session);
    if (line !== undefined) row.line = line;
    if (isOutgoing(session)) row.outgoing = true;
  }
  return row;
}

/** The line, the customer and the hold queue as one text: one node a row, not six. */
function metaOf(session: Session, held: boolean, t: Translate): string {
  const parts: string[] = [];
  const line = lineLabel(session) || session.endpointName;
  if (line) parts.push(line);
  if (session.customerName) parts.push(session.customerName);
  if (held && session.holdQueueName)
    parts.push(t('calls.holdQueue', { queue: session.holdQueueName }));
  return parts.join(' · ');
}
