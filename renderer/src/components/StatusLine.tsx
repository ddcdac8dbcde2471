import type { AppState } from '../../../main/boundary/contract.js';
import type { MessageId } from '../../../main/boundary/i18n/catalog.js';
import { formatClock, formatRelative, formatTime } from '../../../main/boundary/times.js';
import { pausedUntil } from '../calls.js';
import { useLocale, useT } from '../i18n.js';
import { useNow } from '../ticker.js';

const CONNECTION: Record<AppState['connection']['status'], MessageId> = {
  idle: 'status.idle',
  online: 'status.online',
  offline: 'status.offline',
  error: 'status.error',
  'too-large': 'status.tooLarge',
};

/** Online / offline / error, when we last heard from Evo Voice, and whether alerts are paused. */
export function StatusLine({ state }: { state: AppState }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { status, lastPollAt, detail } = state.connection;
  const paused = pausedUntil(state, now);
  return (
    <footer class="status-line">
      <p role="status" class={`connection connection-${status}`}>
        <span class="dot" aria-hidden="true" />
        {(status === 'error' || status === 'too-large') && detail
          ? t('status.withDetail', { status: t(CONNECTION[status]), detail })
          : t(CONNECTION[status])}
        {paused !== undefined && (
          <span class="paused">
            {' · '}
            {paused === 'until-resumed'
              ? t('status.pausedUntilResumed')
              : t('status.pausedUntil', { time: formatClock(paused, locale) })}
          </span>
        )}
      </p>
      <p class="status-side">
        {lastPollAt !== undefined && (
          <span class="checked">
            <time
              dateTime={new Date(lastPollAt).toISOString()}
              title={formatTime(lastPollAt, locale)}
            >
              {t('status.checked', { when: formatRelative(lastPollAt, now, locale) })}
            </time>
            {' · '}
            {formatTime(lastPollAt, locale)}
          </span>
        )}
        {state.account.user?.name && <span class="agent">{state.account.user.name}</span>}
        {state.account.status === 'signed-in' && state.agent?.words && (
          <span class={`agent-state agent-state-${state.agent.state}`}>{state.agent.words}</span>
        )}
      </p>
    </footer>
  );
}
