// Updates, the pure rules: what the tray offers for an update, and whether the app may restart
// into it now. A ringing or live call always wins: the app never restarts under the agent.
import { createTranslator } from '../boundary/i18n/index.js';
import type { AppState, UpdateState } from '../boundary/contract.js';
import { sessionPhase } from '../boundary/session-reading.js';

/** Checks at start and then every six hours. */
export const UPDATE_CHECK_EVERY_MS = 6 * 60 * 60_000;

export const RESTART_TO_UPDATE = 'restart-to-update';

export type UpdateMenuItem = {
  kind: 'action';
  action: { kind: typeof RESTART_TO_UPDATE };
  label: string;
  enabled: boolean;
};

/** A call that must not be cut by a restart: ringing, queued, on hold or connected. */
export function callInProgress(state: AppState): boolean {
  return state.sessions.some((s) => !['ended', 'other'].includes(sessionPhase(s)));
}

/** Only a downloaded update, and only when no call rings or is live. */
export function mayRestartNow(state: AppState, update: UpdateState | undefined): boolean {
  return update?.status === 'ready' && !callInProgress(state);
}

/** "Restart to update", once the update is downloaded; greyed out while a call is on. */
export function updateMenuItem(
  state: AppState,
  update: UpdateState | undefined,
): UpdateMenuItem | null {
  if (update?.status !== 'ready') return null;
  const busy = callInProgress(state);
  return {
    kind: 'action',
    action: { kind: RESTART_TO_UPDATE },
    label: createTranslator(state.locale)(busy ? 'update.restartAfterCall' : 'update.restart', {
      version: update.version,
    }),
    enabled: !busy,
  };
}
