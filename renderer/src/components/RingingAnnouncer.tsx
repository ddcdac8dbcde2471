import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../../main/boundary/contract.js';
import { callerWords, newlyRinging, ringingIds } from '../calls.js';
import { useT } from '../i18n.js';

/** Tells a screen reader about each call that starts ringing, once. */
export function RingingAnnouncer({ sessions }: { sessions: Session[] }) {
  const t = useT();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    // The calls already ringing when the window opens were announced by the tray.
    if (seen.current) {
      const fresh = newlyRinging(seen.current, sessions);
      if (fresh.length > 0) {
        const callers = fresh.map((s) => callerWords(s, t)).join(', ');
        setMessage(t('calls.announceRinging', { callers }));
      }
    }
    seen.current = ringingIds(sessions);
  }, [sessions]);
  return (
    <div class="visually-hidden" aria-live="assertive" data-testid="ringing-announcer">
      {message}
    </div>
  );
}
