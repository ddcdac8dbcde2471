import type { WindowState } from '../../../main/boundary/contract.js';
import type { MessageId } from '../i18n.js';
import { formatClock, formatRelative, formatTime } from '../../../main/boundary/times.js';
import { pausedUntil } from '../calls.js';
import { useLocale, useT } from '../i18n.js';
import { useNow } from '../ticker.js';

const CONNECTION: Record<WindowState['connection']['status'], MessageId> = {
  idle: 'status.idle',
  online: 'status.online',
  offline: 'status.offline',
  error: 'status.error',
  'too-large': 'status.tooLarge',
};

/** Marks where a placeholder's element goes in a translated sentence (an invisible separator). */
const SLOT = '\u2063';

/** Online / offline / error, when we last heard from Evo Voice, and whether alerts are paused. */
export function StatusLine({ state }: { state: WindowState }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { status, lastPollAt, detail } = state.connection;
  const paused = pausedUntil(state, now);
  // The words around the time, in the language's order; the time itself is a <time> element.
  const checked = t('status.checked', { when: SLOT }).split(SLOT);
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
            {checked[0]}
            <time
              dateTime={new Date(lastPollAt).toISOString()}
              title={formatTime(lastPollAt, locale)}
            >
              {formatRelative(lastPollAt, now, locale)}
            </time>
            {checked[1]}
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
