import { useState } from 'preact/hooks';
import type { WindowState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { pausedUntil } from '../calls.js';
import { messageOf } from '../state.js';
import { formatClock } from '../../../main/boundary/times.js';
import { useLocale, useT } from '../i18n.js';
import { useNow } from '../ticker.js';

export function PauseControls({ state, bridge }: { state: WindowState; bridge: EvoTrayBridge }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const [error, setError] = useState<string | undefined>();
  const paused = pausedUntil(state, now);
  const pause = (minutes: number | 'until-resumed' | null): void => {
    setError(undefined);
    bridge.pauseAlerts(minutes).catch((e: unknown) => setError(messageOf(e, t('error.unknown'))));
  };
  return (
    <div class="setting" role="group" aria-labelledby="pause-label">
      <span id="pause-label" class="label">
        {t('pause.label')}
      </span>
      <p class="hint">
        {paused === undefined
          ? t('pause.on')
          : paused === 'until-resumed'
            ? t('pause.untilResumed')
            : t('pause.until', { time: formatClock(paused, locale) })}
      </p>
      <div class="button-row">
        <button type="button" onClick={() => pause(15)}>
          {t('pause.minutes', { minutes: 15 })}
        </button>
        <button type="button" onClick={() => pause(60)}>
          {t('pause.hours', { hours: 1 })}
        </button>
        <button type="button" onClick={() => pause('until-resumed')}>
          {t('pause.untilIResume')}
        </button>
        <button type="button" onClick={() => pause(null)} disabled={paused === undefined}>
          {t('pause.resume')}
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
