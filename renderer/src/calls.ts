// How the window sorts and finds calls: pure functions over AppState.
import type { AlertsPausedUntil, AppState, Session } from '../../main/boundary/contract.js';
import { isPaused } from '../../main/boundary/alerts-paused.js';
import type { MessageId } from './i18n.js';
import type { Translate } from './i18n.js';
import { callerLabel, sessionPhase } from '../../main/boundary/session-reading.js';

export type CallGroupName = 'ringing' | 'held' | 'connected' | 'queued' | 'other';

export interface CallGroup {
  name: CallGroupName;
  title: MessageId;
  sessions: Session[];
}

/** Each group's title, which is also the word on its state badge. */
export const GROUP_TITLES: Readonly<Record<CallGroupName, MessageId>> = {
  ringing: 'calls.group.ringing',
  held: 'calls.group.held',
  connected: 'calls.group.connected',
  queued: 'calls.group.queued',
  other: 'calls.group.other',
};

/** The caller as the window names them: their name and number as the server sent them. */
export function callerWords(
  session: Pick<Session, 'fromName' | 'fromAddress' | 'fromPhoneNumber'>,
  t: Translate,
): string {
  return callerLabel(session, t('calls.unknownCaller'));
}

/** Ringing first: the order the window lists the groups in. */
const GROUP_ORDER: readonly CallGroupName[] = ['ringing', 'held', 'connected', 'queued', 'other'];

export function callGroupOf(session: Session): CallGroupName {
  const phase = sessionPhase(session);
  return phase === 'ringing' || phase === 'held' || phase === 'connected' || phase === 'queued'
    ? phase
    : 'other';
}

/** Live calls grouped ringing first; empty groups are left out; order within a group is kept. */
export function groupCalls(sessions: readonly Session[]): CallGroup[] {
  const byName = new Map<CallGroupName, Session[]>();
  for (const session of sessions) {
    const name = callGroupOf(session);
    const list = byName.get(name);
    if (list) list.push(session);
    else byName.set(name, [session]);
  }
  return GROUP_ORDER.flatMap((name) => {
    const list = byName.get(name);
    return list ? [{ name, title: GROUP_TITLES[name], sessions: list }] : [];
  });
}

export interface FoundCall {
  session: Session;
  /** Not in the live list any more, or the API marks it ended. */
  ended: boolean;
}

/** A call by id: live first, then recently ended, then the missed list. */
export function findCall(state: AppState, id: string): FoundCall | undefined {
  const live = state.sessions.find((s) => s.id === id);
  if (live) return { session: live, ended: live.ended === true };
  const ended = state.recentlyEnded.find((s) => s.id === id);
  if (ended) return { session: ended, ended: true };
  const missed = state.missed.find((m) => m.sessionId === id && m.session)?.session;
  return missed ? { session: missed, ended: true } : undefined;
}

/** Ids of ringing calls that were not ringing in the previous list (for the screen reader). */
export function newlyRinging(
  previous: ReadonlySet<string>,
  sessions: readonly Session[],
): Session[] {
  return sessions.filter((s) => callGroupOf(s) === 'ringing' && !previous.has(s.id));
}

export function ringingIds(sessions: readonly Session[]): Set<string> {
  return new Set(sessions.filter((s) => callGroupOf(s) === 'ringing').map((s) => s.id));
}

/** Alerts are paused now: until-resumed, or a time still ahead (main's rule, main's clock). */
export function pausedUntil(state: AppState, now: number): AlertsPausedUntil | undefined {
  const until = state.alertsPausedUntil ?? state.settings.alertsPausedUntil ?? undefined;
  return isPaused(until, now) ? until : undefined;
}
