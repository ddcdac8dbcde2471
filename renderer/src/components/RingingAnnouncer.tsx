import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../main/boundary/contract.js';
import { callerLabel } from '../../../main/boundary/session-reading.js';
import { newlyRinging, ringingIds } from '../calls.js';

/** Tells a screen reader about each call that starts ringing, once. */
export function RingingAnnouncer({ sessions }: { sessions: Session[] }) {
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    // The calls already ringing when the window opens were announced by the tray.
    if (seen.current) {
      const fresh = newlyRinging(seen.current, sessions);
      if (fresh.length > 0) setMessage(`Ringing: ${fresh.map(callerLabel).join(', ')}`);
    }
    seen.current = ringingIds(sessions);
  }, [sessions]);
  return (
    <div class="visually-hidden" aria-live="assertive" data-testid="ringing-announcer">
      {message}
    </div>
  );
}
