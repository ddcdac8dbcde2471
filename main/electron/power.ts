// Polling follows the machine: asleep or locked, nobody hears an alert and the network is often
// gone, so the watcher pauses; awake, it polls at once instead of waiting out an interval.
import { net, powerMonitor } from 'electron';

export interface Pausable {
  pause(): void;
  /** Resume and poll now. */
  wake(): void;
}

/** How often the network state is checked; Electron has no event for it. */
const ONLINE_CHECK_MS = 5_000;

export function followPower(target: Pausable): () => void {
  const sleep = () => target.pause();
  const wake = () => target.wake();
  powerMonitor.on('suspend', sleep);
  powerMonitor.on('lock-screen', sleep);
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);

  let online = net.isOnline();
  const check = setInterval(() => {
    const now = net.isOnline();
    if (now === online) return;
    online = now;
    if (now) wake();
    else sleep();
  }, ONLINE_CHECK_MS);
  check.unref();

  return () => {
    clearInterval(check);
    powerMonitor.off('suspend', sleep);
    powerMonitor.off('lock-screen', sleep);
    powerMonitor.off('resume', wake);
    powerMonitor.off('unlock-screen', wake);
  };
}
