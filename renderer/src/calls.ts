// How the window sorts and finds calls: pure functions over AppState.
import type { AppState, Session } from '../../main/contract.js';
import { sessionPhase } from '../../main/watch/reading.js';

export type CallGroupName = 'ringing' | 'held' | 'connected' | 'queued' | 'other';

export interface CallGroup {
  name: CallGroupName;
  title: string;
  sessions: Session[];
}

const GROUPS: { name: CallGroupName; title: string }[] = [
  { name: 'ringing', title: 'Ringing' },
  { name: 'held', title: 'On hold' },
  { name: 'connected', title: 'Connected' },
  { name: 'queued', title: 'Queued' },
  { name: 'other', title: 'Other' },
];

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
  return GROUPS.flatMap(({ name, title }) => {
    const list = byName.get(name);
    return list ? [{ name, title, sessions: list }] : [];
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

/** Avatar images only from https, or http on this machine: nothing else is loaded. */
export function safeImageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:') return parsed.href;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'http:' && loopback ? parsed.href : undefined;
}

/** Alerts are paused now: until-resumed, or a time still ahead. */
export function pausedUntil(state: AppState, now: number): number | 'until-resumed' | undefined {
  const until = state.alertsPausedUntil ?? state.settings.alertsPausedUntil ?? undefined;
  if (until === 'until-resumed') return until;
  return typeof until === 'number' && until > now ? until : undefined;
}
