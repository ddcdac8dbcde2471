// Small builders for app-model tests: a signed-in state, sessions in each phase, watch events.
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type {
  AlertsPausedUntil,
  AppState,
  MissedCall,
  Session,
} from '../../main/boundary/contract.js';
import { initialAppState, withAccount, withPoll, withSettings } from '../../main/app/app-state.js';
import type { ConnectionEvent, ConnectionStatus, SessionEvent } from '../../main/watch/events.js';

export const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);
export const iso = (ms: number) => new Date(ms).toISOString();

export function signedInState(sessions: Session[] = [], at = T0): AppState {
  const state = withAccount(initialAppState(DEFAULT_SETTINGS, 'available'), {
    status: 'signed-in',
    server: DEFAULT_SETTINGS.server,
    user: { name: 'Ada Agent' },
  });
  return withPoll(state, at, sessions);
}

export const ringing = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  callState: 'Ringing',
  ...extra,
});
export const held = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  callState: 'Hold',
  ...extra,
});
export const connected = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  callState: 'Connected',
  ...extra,
});
export const queued = (id: string, extra: Partial<Session> = {}): Session => ({
  id,
  queueState: 'Queued',
  ...extra,
});

export function missedEvent(sessionId: string, session?: Session): SessionEvent {
  return {
    event: 'missed',
    sessionId,
    at: iso(T0),
    title: 'Missed call',
    body: `From caller ${sessionId}`,
    ...(session ? { session } : {}),
  };
}

export function connectionEvent(status: ConnectionStatus, detail?: string): ConnectionEvent {
  return {
    event: 'connection',
    status,
    at: iso(T0),
    title: `Connection ${status}`,
    body: status === 'signed-out' ? 'Your password was not accepted. Sign in again.' : '',
    ...(detail ? { detail } : {}),
  };
}

export function missedCall(sessionId: string, at: number, seen = false): MissedCall {
  return { sessionId, at: iso(at), title: 'Missed call', body: `From ${sessionId}`, seen };
}

/** Alerts paused (or resumed, with null) as the settings change does it. */
export function pausedUntil(state: AppState, until: AlertsPausedUntil | null): AppState {
  return withSettings(state, { ...state.settings, alertsPausedUntil: until });
}
