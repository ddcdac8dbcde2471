import type { AppState } from '../../../main/boundary/contract.js';

/** How soon the ringing alert came, when the app raised one for this call. */
export function AlertLatency({ state, id }: { state: AppState; id: string }) {
  const alert = state.ringing.find((r) => r.sessionId === id);
  if (!alert) return null;
  return (
    <p class="muted alert-latency">
      Alerted {alertLatencyWords(alert.latencyMs)} after it began ringing
    </p>
  );
}

/** "1.2 s", to a tenth: what the agent can tell apart. */
export function alertLatencyWords(latencyMs: number): string {
  return `${(Math.max(0, latencyMs) / 1000).toFixed(1)} s`;
}
