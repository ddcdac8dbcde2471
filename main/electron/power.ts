// Electron's power and network signals, fed to machineStep (main/app/pause-reasons.ts), which
// decides whether the watcher pauses, wakes or polls now, and notes when the screen locked.
import { net, powerMonitor } from 'electron';
import { AWAKE, machineStep, type MachineEvent, type MachineState } from '../app/pause-reasons.js';

export interface PollControl {
  pause(): void;
  /** Resumes, and polls within a second. */
  wake(): void;
  pollNow(): void;
}

export interface PowerState {
  /** Epoch ms the screen locked, or null: the watcher slows polling after a while locked. */
  lockedSince(): number | null;
}

/** How often the network state is checked; Electron has no event for it. */
const ONLINE_CHECK_MS = 5_000;

export function followPower(target: PollControl): PowerState {
  let state: MachineState = AWAKE;
  function apply(event: MachineEvent): void {
    const step = machineStep(state, event, Date.now());
    state = step.state;
    if (step.action === 'pause') target.pause();
    else if (step.action === 'wake') target.wake();
    else if (step.action === 'poll-now') target.pollNow();
  }
  powerMonitor.on('suspend', () => apply('suspend'));
  powerMonitor.on('resume', () => apply('resume'));
  powerMonitor.on('lock-screen', () => apply('lock-screen'));
  powerMonitor.on('unlock-screen', () => apply('unlock-screen'));

  let online = net.isOnline();
  const check = setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    apply(now ? 'online' : 'offline');
  }, ONLINE_CHECK_MS);
  check.unref();
  return { lockedSince: () => state.lockedSince };
}
