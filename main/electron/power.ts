// Electron's power and network signals, fed to machineStep (main/app/pause-reasons.ts), which
// decides whether the watcher pauses, resumes or polls now.
import { net, powerMonitor } from 'electron';
import { machineStep, type MachineEvent, type PauseReason } from '../app/pause-reasons.js';

export interface PollControl {
  pause(): void;
  /** Resumes and polls at once. */
  resume(): void;
  pollNow(): void;
}

/** How often the network state is checked; Electron has no event for it. */
const ONLINE_CHECK_MS = 5_000;

export function followPower(target: PollControl): void {
  let reasons: ReadonlySet<PauseReason> = new Set();
  function apply(event: MachineEvent): void {
    const step = machineStep(reasons, event);
    reasons = step.reasons;
    if (step.action === 'pause') target.pause();
    else if (step.action === 'resume') target.resume();
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
}
