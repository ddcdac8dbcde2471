import type { Settings } from '../boundary/contract.js';
import type { WatchTiming } from '../watch/events.js';

/** The settings the engine's timing reads; the watcher is told only when these change. */
export const timingOf = (s: Settings): WatchTiming => ({
  pollIntervalMs: s.pollIntervalMs,
  ringingIntervalMs: s.ringingIntervalMs,
  holdAlertDelayMs: s.holdAlertDelayMs,
  holdReminderMs: s.holdReminderMs,
});
