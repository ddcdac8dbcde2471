// Desktop notifications. One per tag (a session, or the connection): a newer one for the same
// call closes the older, so the agent never has two cards for one call.
import { Notification } from 'electron';
import type { Notifier } from '../app/alerts.js';

export function createNotifier(
  onClick: (sessionId: string | undefined, route: string | undefined) => void,
): Notifier {
  const shown = new Map<string, Notification>();
  return {
    show(alert) {
      if (!Notification.isSupported()) return;
      shown.get(alert.tag)?.close();
      const card = new Notification({ title: alert.title, body: alert.body, silent: alert.silent });
      card.on('click', () => onClick(alert.sessionId, alert.route));
      card.on('close', () => {
        if (shown.get(alert.tag) === card) shown.delete(alert.tag);
      });
      // Kept in the map also so it is not garbage-collected (which would drop its click).
      shown.set(alert.tag, card);
      card.show();
    },
    closeAll() {
      for (const card of shown.values()) card.close();
      shown.clear();
    },
  };
}
