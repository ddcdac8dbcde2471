import { useState } from 'preact/hooks';
import type { AppState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { pausedUntil } from '../calls.js';
import { messageOf } from '../state.js';
import { useNow } from '../ticker.js';
import { formatClock } from '../time.js';

export function PauseControls({ state, bridge }: { state: AppState; bridge: EvoTrayBridge }) {
  const now = useNow();
  const [error, setError] = useState<string | undefined>();
  const paused = pausedUntil(state, now);
  const pause = (minutes: number | 'until-resumed' | null): void => {
    setError(undefined);
    bridge.pauseAlerts(minutes).catch((e: unknown) => setError(messageOf(e)));
  };
  return (
    <div class="setting" role="group" aria-labelledby="pause-label">
      <span id="pause-label" class="label">
        Pause alerts
      </span>
      <p class="hint">
        {paused === undefined
          ? 'Alerts are on.'
          : paused === 'until-resumed'
            ? 'Alerts are paused until you resume them.'
            : `Alerts are paused until ${formatClock(paused)}.`}
      </p>
      <div class="button-row">
        <button type="button" onClick={() => pause(15)}>
          15 minutes
        </button>
        <button type="button" onClick={() => pause(60)}>
          1 hour
        </button>
        <button type="button" onClick={() => pause('until-resumed')}>
          Until I resume
        </button>
        <button type="button" onClick={() => pause(null)} disabled={paused === undefined}>
          Resume alerts
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
