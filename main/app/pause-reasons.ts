// Polling follows the machine. Asleep, nothing can be heard or fetched, so polling pauses. A
// locked screen does NOT pause it: an agent who stepped away still hears a call ring, and a
// call that rings and ends meanwhile is still seen (the interval rule slows polling after a
// while locked, main/watch/poll-interval.ts). The network going away is not a reason to pause
// either: polling on is what turns a lost network into the offline state.
export interface MachineState {
  suspended: boolean;
  /** Epoch ms the screen locked; null while unlocked. */
  lockedSince: number | null;
}

export type MachineEvent =
  'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'online' | 'offline';

/**
 * `wake` resumes if paused and polls within a second (waking or unlocking: the agent is
 * back, so see the calls now); `poll-now` is for a running watcher.
 */
export type PollAction = 'pause' | 'wake' | 'poll-now' | 'none';

export const AWAKE: MachineState = { suspended: false, lockedSince: null };

export function machineStep(
  state: MachineState,
  event: MachineEvent,
  now: number,
): { state: MachineState; action: PollAction } {
  switch (event) {
    case 'suspend':
      if (state.suspended) return { state, action: 'none' };
      return { state: { ...state, suspended: true }, action: 'pause' };
    case 'resume':
      if (!state.suspended) return { state, action: 'none' };
      return { state: { ...state, suspended: false }, action: 'wake' };
    case 'lock-screen':
      // Polling goes on; only the lock's start is noted, for the interval rule.
      if (state.lockedSince !== null) return { state, action: 'none' };
      return { state: { ...state, lockedSince: now }, action: 'none' };
    case 'unlock-screen':
      if (state.lockedSince === null) return { state, action: 'none' };
      return {
        state: { ...state, lockedSince: null },
        action: state.suspended ? 'none' : 'wake',
      };
    case 'online':
    case 'offline':
      // Find out now (offline fails fast into the offline state and backoff).
      return { state, action: state.suspended ? 'none' : 'poll-now' };
  }
}
