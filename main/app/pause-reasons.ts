// Polling follows the machine. Asleep or locked, nobody hears an alert, so polling pauses while
// any such reason holds. The network going away is NOT a reason to pause: polling on is what
// turns a lost network into the offline state (and a stale ringing icon into the offline one).
export type PauseReason = 'suspended' | 'locked';

export type MachineEvent =
  'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'online' | 'offline';

/** `resume` polls at once by itself; `poll-now` is for a running watcher. */
export type PollAction = 'pause' | 'resume' | 'poll-now' | 'none';

const REASON_SET: Partial<Record<MachineEvent, PauseReason>> = {
  suspend: 'suspended',
  'lock-screen': 'locked',
};
const REASON_CLEARED: Partial<Record<MachineEvent, PauseReason>> = {
  resume: 'suspended',
  'unlock-screen': 'locked',
};

export function machineStep(
  reasons: ReadonlySet<PauseReason>,
  event: MachineEvent,
): { reasons: ReadonlySet<PauseReason>; action: PollAction } {
  const added = REASON_SET[event];
  if (added) {
    if (reasons.has(added)) return { reasons, action: 'none' };
    return { reasons: new Set([...reasons, added]), action: reasons.size === 0 ? 'pause' : 'none' };
  }
  const cleared = REASON_CLEARED[event];
  if (cleared) {
    if (!reasons.has(cleared)) return { reasons, action: 'none' };
    const left = new Set([...reasons].filter((r) => r !== cleared));
    return { reasons: left, action: left.size === 0 ? 'resume' : 'none' };
  }
  // Online or offline: find out now (offline fails fast into the offline state and backoff).
  return { reasons, action: reasons.size === 0 ? 'poll-now' : 'none' };
}
