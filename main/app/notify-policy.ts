// Whether an event becomes a desktop notification. Pure: the adapter shows what this returns.
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import type { AlertsPausedUntil, ConnectionState, Settings } from '../boundary/contract.js';
import type { WatchEvent } from '../watch/events.js';
import { isPaused } from '../boundary/alerts-paused.js';

export type NotificationDecision = { show: false } | { show: true; silent: boolean; tag: string };

/** Connection notices share one tag, so "back" replaces "can't reach" and signed-out both. */
export const CONNECTION_TAG = 'connection';

/** How long polling must fail before the agent is told: a blip should not interrupt a call. */
export const CONNECTION_FAILING_AFTER_MS = 60_000;

export function notificationFor(
  event: WatchEvent,
  settings: Settings,
  pausedUntil: AlertsPausedUntil | null | undefined,
  now: number,
): NotificationDecision {
  const silent = !settings.sound;
  switch (event.event) {
    case 'ringing':
    case 'held':
    case 'missed':
      if (!settings.alerts[event.event] || isPaused(pausedUntil, now)) return { show: false };
      // Tagged by session: a newer alert for the same call replaces the older one.
      return { show: true, silent, tag: event.sessionId };
    case 'connection':
      // Being signed out stops every other alert, so the agent hears about it even while alerts
      // are paused or connection alerts are off: nothing else would tell them calls are unwatched.
      if (event.status === 'signed-out') return { show: true, silent, tag: CONNECTION_TAG };
      // Failing and recovering are decided by connectionWatch, over time, not per event.
      return { show: false };
    default:
      return { show: false };
  }
}

/** What connectionWatch remembers between poll results. */
export interface ConnectionAlertState {
  /** Epoch ms of the first failure in the current run of failures. */
  failingSince: number | null;
  /** Whether the agent was told polling is failing (so "recovered" is owed). */
  notifiedFailing: boolean;
}

export const QUIET_CONNECTION: ConnectionAlertState = {
  failingSince: null,
  notifiedFailing: false,
};

export type ConnectionNotice = 'failing' | 'recovered';

/**
 * Whether the failing / recovered notices may be shown now: connection alerts on and alerts not
 * paused. A pause silences them like any other alert (the tray icon still shows offline); only
 * the signed-out notice ignores the pause.
 */
export function connectionAlertsOn(
  settings: Settings,
  pausedUntil: AlertsPausedUntil | null | undefined,
  now: number,
): boolean {
  return settings.alerts.connection && !isPaused(pausedUntil, now);
}

/**
 * Called with each poll result. Tells the agent once when polling has failed for over a minute,
 * and once when it recovers after that. `enabled` is connectionAlertsOn(): when off, failures
 * are still tracked but nothing is announced (and so no recovery is owed); an outage still
 * going when it turns on again is announced then.
 */
export function connectionWatch(
  prev: ConnectionAlertState,
  status: ConnectionState['status'] | 'signed-out',
  now: number,
  enabled = true,
): { next: ConnectionAlertState; notify?: ConnectionNotice } {
  if (status === 'offline' || status === 'error') {
    const failingSince = prev.failingSince ?? now;
    const due = !prev.notifiedFailing && now - failingSince > CONNECTION_FAILING_AFTER_MS;
    if (due && enabled) {
      return { next: { failingSince, notifiedFailing: true }, notify: 'failing' };
    }
    if (failingSince === prev.failingSince) return { next: prev };
    return { next: { ...prev, failingSince } };
  }
  if (status === 'online' && prev.notifiedFailing && enabled) {
    return { next: QUIET_CONNECTION, notify: 'recovered' };
  }
  // Online, idle (not polling) or signed out (announced on its own): a fresh start.
  return { next: QUIET_CONNECTION };
}

/** The connection notices in `t`'s language. */
export function connectionNotice(
  notice: ConnectionNotice,
  t: Translate = createTranslator('en'),
): { title: string; body: string } {
  return notice === 'failing'
    ? { title: t('notice.failing.title'), body: t('notice.failing.body') }
    : { title: t('notice.recovered.title'), body: t('notice.recovered.body') };
}

/** The notices in English (the default language). */
export const CONNECTION_NOTICES: Record<ConnectionNotice, { title: string; body: string }> = {
  failing: connectionNotice('failing'),
  recovered: connectionNotice('recovered'),
};

/** The decision for a connection notice, with the same sound rule as every other alert. */
export function connectionNotification(settings: Settings): NotificationDecision {
  return { show: true, silent: !settings.sound, tag: CONNECTION_TAG };
}
