import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallSummary } from '../../../main/boundary/contract.js';
import { newlyRinging, ringingIds } from '../calls.js';
import { useT } from '../i18n.js';

/** Tells a screen reader about each call that starts ringing, once. */
export function RingingAnnouncer({ calls }: { calls: CallSummary[] }) {
  const t = useT();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    // The calls already ringing when the window opens were announced by the tray.
    if (seen.current) {
      const fresh = newlyRinging(seen.current, calls);
      if (fresh.length > 0) {
        const callers = fresh.map((c) => c.caller).join(', ');
        setMessage(t('calls.announceRinging', { callers }));
      }
    }
    seen.current = ringingIds(calls);
  }, [calls]);
  return (
    <div class="visually-hidden" aria-live="assertive" data-testid="ringing-announcer">
      {message}
    </div>
  );
}
