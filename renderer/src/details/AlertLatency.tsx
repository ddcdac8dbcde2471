import type { WindowState } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';

/** How soon the ringing alert came ("1.2 s", to a tenth), when the app raised one for this call. */
export function AlertLatency({ state, id }: { state: WindowState; id: string }) {
  const t = useT();
  const alert = state.ringing.find((r) => r.sessionId === id);
  if (!alert) return null;
  return (
    <p class="muted alert-latency">
      {t('details.alertLatency', { seconds: Math.max(0, alert.latencyMs) / 1000 })}
    </p>
  );
}
