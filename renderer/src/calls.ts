// How the window sorts calls and reads their state: pure functions over the pushed WindowState.
import type {
  AlertsPausedUntil,
  CallGroupName,
  CallSummary,
  Session,
  WindowState,
} from '../../main/boundary/contract.js';
import { isPaused } from '../../main/boundary/alerts-paused.js';
import { GROUP_TITLES } from '../../main/boundary/call-row.js';
import type { MessageId, Translate } from './i18n.js';
import { callerLabel } from '../../main/boundary/session-reading.js';

export { callGroupOf, GROUP_TITLES } from '../../main/boundary/call-row.js';
export type { CallGroupName } from '../../main/boundary/contract.js';

export interface CallGroup {
  name: CallGroupName;
  title: MessageId;
  calls: CallSummary[];
}

/** The caller as the window names them: their name and number as the server sent them. */
export function callerWords(
  session: Pick<Session, 'fromName' | 'fromAddress' | 'fromPhoneNumber'>,
  t: Translate,
): string {
  return callerLabel(session, t('calls.unknownCaller'));
}

/** Ringing first: the order the window lists the groups in. */
const GROUP_ORDER: readonly CallGroupName[] = ['ringing', 'held', 'connected', 'queued', 'other'];

/** Live calls grouped ringing first; empty groups are left out; order within a group is kept. */
export function groupCalls(calls: readonly CallSummary[]): CallGroup[] {
  const byName = new Map<CallGroupName, CallSummary[]>();
  for (const call of calls) {
    const list = byName.get(call.group);
    if (list) list.push(call);
    else byName.set(call.group, [call]);
  }
  return GROUP_ORDER.flatMap((name) => {
    const list = byName.get(name);
    return list ? [{ name, title: GROUP_TITLES[name], calls: list }] : [];
  });
}

/** Ringing calls that were not ringing in the previous list (for the screen reader). */
export function newlyRinging(
  previous: ReadonlySet<string>,
  calls: readonly CallSummary[],
): CallSummary[] {
  return calls.filter((c) => c.group === 'ringing' && !previous.has(c.id));
}

export function ringingIds(calls: readonly CallSummary[]): Set<string> {
  return new Set(calls.filter((c) => c.group === 'ringing').map((c) => c.id));
}

/** Alerts are paused now: until-resumed, or a time still ahead (main's rule, main's clock). */
export function pausedUntil(
  state: Pick<WindowState, 'alertsPausedUntil' | 'settings'>,
  now: number,
): AlertsPausedUntil | undefined {
  const until = state.alertsPausedUntil ?? state.settings.alertsPausedUntil ?? undefined;
  return isPaused(until, now) ? until : undefined;
}
