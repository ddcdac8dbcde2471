// The app's side of "while you were away" and the agent's state: the watcher's followers, one
// summary card per look back (not a card per call), the agent's state on the app state with
// one card when the platform sets the agent Not ready after a missed call, and the missed
// list kept per account on disk. No Electron here.
import type { AgentStateView, MissedCall } from '../boundary/contract.js';
import { createAgentStateReader } from '../agent-state/follow.js';
import type { AgentStateApi } from '../evo/app-config.js';
import type { HistoryApi } from '../evo/history-page.js';
import type { AgentIdentity } from '../boundary/call-action-rules.js';
import { withAgentState } from '../agent-state/with-agent-state.js';
import { agentStateView, notReadyAfterMissedCall, notReadyCard } from '../agent-state/words.js';
import { createTranslator } from '../boundary/i18n/index.js';
import { createAwayCheck } from '../away/away-check.js';
import { loadMissedList, saveMissedList } from '../away/missed-file.js';
import { recentMissed } from '../away/missed-list.js';
import { awaySummary } from '../away/summary.js';
import type { Logger } from '../log.js';
import { isStateFileRefused } from '../watch/ledger-files.js';
import type { SessionEvent, WatchEvent } from '../watch/events.js';
import type { PollFollower } from '../watch/follower.js';
import { MISSED_LIMIT, withWatchEvent, type AppStore } from './app-state.js';
import type { Notifier } from './alerts.js';
import { isPaused } from '../boundary/alerts-paused.js';
import { notificationFor } from './notify-policy.js';
import { errorMessage } from '../boundary/errors.js';

export interface WhileAwayOptions {
  store: AppStore;
  notifier: Notifier;
  /** The app's own handling of every other event (alerts.onEvent). */
  onEvent: (event: WatchEvent) => void;
  now: () => number;
  log: Logger;
}

export function createWhileAway(options: WhileAwayOptions) {
  const { store, notifier, now, log } = options;
  /** The account folder the missed list is kept in; null for the demo and when signed out. */
  let dir: string | null = null;
  let saved = store.get().missed;
  /** One write at a time; changes meanwhile are coalesced into the next (the newest list). */
  let writing: Promise<void> | null = null;
  let next: { dir: string; list: MissedCall[] } | null = null;
  /** Folders whose missed-list.json is not a regular file: never written in this run. */
  const refused = new Set<string>();

  store.subscribe((state) => {
    if (dir === null || state.account.status !== 'signed-in' || state.missed === saved) return;
    saved = state.missed;
    next = { dir, list: recentMissed(state.missed, now(), MISSED_LIMIT) };
    writing ??= writeAll();
  });

  async function writeAll(): Promise<void> {
    for (let job = next; job !== null; job = next) {
      next = null;
      if (refused.has(job.dir)) continue;
      try {
        await saveMissedList(job.dir, job.list);
      } catch (e) {
        // A planted link or FIFO: said once, and the list is kept in memory for this run.
        if (isStateFileRefused(e)) refused.add(job.dir);
        log.warn(`Could not save the missed list: ${errorMessage(e)}`);
      }
    }
    writing = null;
  }

  /** Stopping the watch (quitting, signing out) waits for the list to be on disk. */
  const missedListFlush: PollFollower = {
    afterPoll: async () => {},
    stop: async () => {
      await writing;
    },
  };

  function onReport(missed: readonly SessionEvent[]): void {
    const first = missed[0];
    if (first === undefined) return;
    const { settings, alertsPausedUntil } = store.get();
    // As the policy would decide for one missed call (the missed kind on, not paused).
    const decision = notificationFor(first, settings, alertsPausedUntil, now());
    if (!decision.show) return;
    notifier.show({
      ...awaySummary(missed, createTranslator(store.get().locale)),
      silent: decision.silent,
      tag: 'while-away',
      route: '/missed',
    });
  }

  function onAgentState(view: AgentStateView): void {
    const before = store.get().agent;
    store.update((s) => withAgentState(s, view));
    if (!notReadyAfterMissedCall(before, view)) return;
    const { settings, alertsPausedUntil } = store.get();
    if (isPaused(alertsPausedUntil, now())) return;
    notifier.show({
      ...notReadyCard(createTranslator(store.get().locale)),
      silent: !settings.sound,
      tag: 'agent-state',
    });
  }

  // Main's alone (not on the app state): which leg of a call is this agent's.
  let agentIds: AgentIdentity = {};

  return {
    /** Who this agent is on a call's members, as `/app/config` last said; empty until read. */
    agentIds: (): AgentIdentity => agentIds,
    /** For a watcher of this account; `stateDir` undefined for the demo (nothing on disk). */
    followers(api: HistoryApi & AgentStateApi, stateDir: string | undefined): PollFollower[] {
      dir = stateDir ?? null;
      if (stateDir !== undefined) void restore(stateDir);
      return [
        createAwayCheck({ api, log, onReport, ...(stateDir === undefined ? {} : { stateDir }) }),
        createAgentStateReader({
          api,
          log,
          onReading: (reading, at) => {
            agentIds = { identity: reading.identity, endpointId: reading.endpointId };
            onAgentState(agentStateView(reading, at, createTranslator(store.get().locale)));
          },
        }),
        missedListFlush,
      ];
    },
    /** A missed call found while away goes to the list only: the summary card tells of it. */
    onEvent(event: WatchEvent): void {
      if (event.event === 'missed' && event.whileAway) {
        store.update((s) => withWatchEvent(s, event));
        return;
      }
      options.onEvent(event);
    },
  };

  async function restore(from: string): Promise<void> {
    const restored = await loadMissedList(from);
    if (dir !== from || restored.length === 0) return;
    store.update((s) => {
      const missed = recentMissed([...s.missed, ...restored], now(), MISSED_LIMIT);
      saved = missed;
      return { ...s, missed };
    });
  }
}
