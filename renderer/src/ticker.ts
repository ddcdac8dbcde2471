import { useEffect, useState } from 'preact/hooks';

// One 1-second interval for the whole window, however many timers are on screen.
const listeners = new Set<(now: number) => void>();
let interval: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: (now: number) => void): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    interval = setInterval(() => {
      const now = Date.now();
      for (const l of listeners) l(now);
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  };
}

/** The current time, refreshed every second by the shared ticker. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => subscribe(setNow), []);
  return now;
}

/** How many components listen to the ticker (for tests: it must drop to 0 on unmount). */
export function tickerListenerCount(): number {
  return listeners.size;
}
