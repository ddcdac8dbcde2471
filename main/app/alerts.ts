// From the engine to the agent: each watch event and poll result updates the app state, and the
// notify policy decides which become notifications. No Electron here; the notifier is passed in.
import type { AppStore } from '../app/app-state.js';
import { withPoll, withWatchEvent } from '../app/app-state.js';
import {
  CONNECTION_NOTICES,
  QUIET_CONNECTION,
  connectionNotification,
  connectionWatch,
  notificationFor,
} from '../app/notify-policy.js';
import type { PollResult } from '../watch/watcher.js';
import type { WatchEvent } from '../watch/events.js';
import type { Notifier } from './notifications.js';

export interface Alerts {
  onEvent(event: WatchEvent): void;
  onPoll(result: PollResult): void;
}

export function createAlerts(store: AppStore, notifier: Notifier, now: () => number): Alerts {
  let connection = QUIET_CONNECTION;
  return {
    onEvent(event) {
      store.update((s) => withWatchEvent(s, event));
      const { settings, alertsPausedUntil } = store.get();
      const decision = notificationFor(event, settings, alertsPausedUntil, now());
      if (!decision.show) return;
      notifier.show({
        title: event.title,
        body: event.body,
        silent: decision.silent,
        tag: decision.tag,
        ...('sessionId' in event ? { sessionId: event.sessionId } : {}),
      });
    },
    onPoll(result) {
      if ('sessions' in result) store.update((s) => withPoll(s, result.at, result.sessions));
      const { settings } = store.get();
      const status = 'sessions' in result ? 'online' : failureStatus(result.error.kind);
      const step = connectionWatch(connection, status, result.at, settings.alerts.connection);
      connection = step.next;
      if (step.notify) {
        const decision = connectionNotification(settings);
        if (decision.show) {
          notifier.show({
            ...CONNECTION_NOTICES[step.notify],
            silent: decision.silent,
            tag: decision.tag,
          });
        }
      }
    },
  };
}

/** The same reading of a failed poll as the watcher's: unreachable is offline, 401 signed out. */
function failureStatus(kind: string): 'offline' | 'error' | 'signed-out' {
  if (kind === 'network' || kind === 'timeout') return 'offline';
  if (kind === 'rejected-credentials') return 'signed-out';
  return 'error';
}
