import type { AppState } from '../../../main/boundary/contract.js';
import { pausedUntil } from '../calls.js';
import { useNow } from '../ticker.js';
import { formatClock, formatRelative, formatTime } from '../time.js';

const CONNECTION: Record<AppState['connection']['status'], string> = {
  idle: 'Starting',
  online: 'Online',
  offline: 'Offline — retrying',
  error: 'Evo Voice error',
  'too-large': 'Too many calls to watch',
};

/** Online / offline / error, when we last heard from Evo Voice, and whether alerts are paused. */
export function StatusLine({ state }: { state: AppState }) {
  const now = useNow();
  const { status, lastPollAt, detail } = state.connection;
  const paused = pausedUntil(state, now);
  return (
    <footer class="status-line">
      <p role="status" class={`connection connection-${status}`}>
        <span class="dot" aria-hidden="true" />
        {CONNECTION[status]}
        {(status === 'error' || status === 'too-large') && detail ? `: ${detail}` : ''}
        {paused !== undefined && (
          <span class="paused">
            {' · '}Alerts paused{' '}
            {paused === 'until-resumed' ? 'until you resume' : `until ${formatClock(paused)}`}
          </span>
        )}
      </p>
      <p class="status-side">
        {lastPollAt !== undefined && (
          <span class="checked">
            Checked{' '}
            <time dateTime={new Date(lastPollAt).toISOString()} title={formatTime(lastPollAt)}>
              {formatRelative(lastPollAt, now)}
            </time>
            {' · '}
            {formatTime(lastPollAt)}
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
