// Updates, the effects behind one small interface: checks at start and every six hours (unless
// the agent turned checks off), downloads in the background, and reports its state. A feed that
// fails is one log line and nothing else: no card, no retry storm, the next check in six hours.
import type { AppState, Settings, UpdateState } from '../boundary/contract.js';
import type { Logger } from '../log.js';
import { failureSummary } from './feed-guard.js';
import { mayRestartNow, UPDATE_CHECK_EVERY_MS } from './rules.js';

/** What the checker needs of electron-updater's autoUpdater (downloads on its own). */
export interface Updater {
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(): void;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface Timers {
  every(ms: number, run: () => void): () => void;
}

export interface UpdateCheckerOptions {
  updater: Updater;
  settings: () => Settings;
  appState: () => AppState;
  onChange: (update: UpdateState) => void;
  log: Logger;
  timers: Timers;
}

export interface UpdateChecker {
  /** Checks now (if allowed) and schedules the next checks. */
  start(): void;
  stop(): void;
  /** The agent chose "Restart to update": true when it restarts, false when a call forbids it. */
  restart(): boolean;
  state(): UpdateState;
}

export function createUpdateChecker(options: UpdateCheckerOptions): UpdateChecker {
  const { updater, log } = options;
  let state: UpdateState = { status: 'idle' };
  let cancel: (() => void) | null = null;
  let checking = false;

  const set = (next: UpdateState) => {
    state = next;
    options.onChange(next);
  };
  updater.on('update-available', (info) => {
    if (state.status !== 'ready') set({ status: 'downloading', version: info.version });
  });
  updater.on('update-downloaded', (info) => set({ status: 'ready', version: info.version }));
  updater.on('error', (error) => {
    // electron-updater reports a failure both here and as a rejected check: check() logs it.
    if (state.status === 'downloading') set({ status: 'idle' });
    if (!checking) log.warn(`Update check failed: ${failureSummary(error)}`);
  });

  async function check(): Promise<void> {
    // Turned off, or already downloaded: nothing to look for until the restart.
    if (!options.settings().checkForUpdates || state.status === 'ready' || checking) return;
    checking = true;
    try {
      const result = await updater.checkForUpdates();
      // A failed download is reported through 'error' (logged there), not as a stray rejection.
      result?.downloadPromise?.catch(() => {});
    } catch (e) {
      if (state.status === 'downloading') set({ status: 'idle' });
      log.warn(`Update check failed: ${failureSummary(e)}`);
    } finally {
      checking = false;
    }
  }

  return {
    start() {
      if (cancel) return;
      void check();
      cancel = options.timers.every(UPDATE_CHECK_EVERY_MS, () => void check());
    },
    stop() {
      cancel?.();
      cancel = null;
    },
    restart() {
      if (!mayRestartNow(options.appState(), state)) return false;
      updater.quitAndInstall();
      return true;
    },
    state: () => state,
  };
}
