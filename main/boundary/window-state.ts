// The state the window receives, made from main's AppState, and the call it asks for by id.
import type { AppState, FoundCall, MissedCall, WindowMissedCall, WindowState } from './contract.js';
import type { CallSummary } from './contract.js';

/**
 * `state` as the window gets it: the live calls as `calls` (summaries made by the caller, so it
 * can keep them between pushes), no recently ended sessions, and the missed list without its
 * sessions. Nothing of a call's details is copied on a push.
 */
export function windowStateOf(state: AppState, calls: CallSummary[]): WindowState {
  const shown: WindowState & Partial<Pick<AppState, 'sessions' | 'recentlyEnded'>> = {
    ...state,
    calls,
    missed: state.missed.map(withoutSession),
  };
  delete shown.sessions;
  delete shown.recentlyEnded;
  return shown;
}

function withoutSession(call: MissedCall): WindowMissedCall {
  if (call.session === undefined) return call;
  const shown = { ...call };
  delete shown.session;
  return shown;
}

/** A call by id: live first, then recently ended, then the missed list's session. */
export function findCall(
  state: Pick<AppState, 'sessions' | 'recentlyEnded' | 'missed'>,
  id: string,
): FoundCall | undefined {
  const live = state.sessions.find((s) => s.id === id);
  if (live) return { session: live, ended: live.ended === true };
  const ended = state.recentlyEnded.find((s) => s.id === id);
  if (ended) return { session: ended, ended: true };
  const missed = state.missed.find((m) => m.sessionId === id && m.session)?.session;
  return missed ? { session: missed, ended: true } : undefined;
}
