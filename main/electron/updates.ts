// The updates capability's Electron side: electron-updater's autoUpdater (GitHub Releases, from
// app-update.yml that electron-builder writes) behind main/updates/checker.ts. The tray shows
// "Restart to update" through AppState.update; the click comes back as restart().
import electronUpdater from 'electron-updater';
import { app } from 'electron';
import type { AppState, Settings, UpdateState } from '../boundary/contract.js';
import type { Logger } from '../log.js';
import { createUpdateChecker, type UpdateChecker, type Updater } from '../updates/checker.js';
import { guardFeed, updaterLine, type FeedExecutor } from '../updates/feed-guard.js';
import { errorMessage } from '../boundary/errors.js';

export interface UpdatesOptions {
  settings: () => Settings;
  appState: () => AppState;
  onChange: (update: UpdateState) => void;
  log: Logger;
}

/**
 * EVO_UPDATE_CONFIG_PATH gives an unpackaged app (tests, `npm start`) an update config in
 * app-update.yml's form, e.g. `provider: generic` with a loopback `url` serving latest-linux.yml.
 * A packaged app never honours it: anyone who can set it could offer the agent any build.
 */
export function startUpdates(options: UpdatesOptions): UpdateChecker | null {
  try {
    return start(options);
  } catch (e) {
    // No updates is better than no app: the agent's calls do not depend on them.
    options.log.warn(`Updates are off: ${errorMessage(e)}`);
    return null;
  }
}

function start(options: UpdatesOptions): UpdateChecker {
  const { autoUpdater } = electronUpdater;
  const { log } = options;
  const config = app.isPackaged ? undefined : process.env['EVO_UPDATE_CONFIG_PATH'];
  if (config) {
    autoUpdater.forceDevUpdateConfig = true;
    autoUpdater.updateConfigPath = config;
  }
  autoUpdater.autoDownload = true;
  // Installed at the next quit too, so a declined restart still lands.
  autoUpdater.autoInstallOnAppQuit = true;
  // Its own chatter (with stack traces) goes to debug, each line bounded; our one line says
  // what failed. The log scrubs every line it writes (electron/log.ts); the feed is public and
  // the updater holds none of the app's secrets.
  const debug = (m?: unknown) => log.debug(`updater: ${updaterLine(m)}`);
  autoUpdater.logger = { info: debug, warn: debug, error: debug, debug };
  // Every request of the updater goes through its executor (electron-updater 6's AppUpdater
  // builds it in its constructor; `protected` in its types): an error body is read only as far
  // as the log quotes it, and a check has a budget of requests (a redirect loop ends there).
  const feed = guardFeed((autoUpdater as unknown as { httpExecutor: FeedExecutor }).httpExecutor);
  const updater: Updater = {
    checkForUpdates: () => {
      feed.startCheck();
      return autoUpdater.checkForUpdates();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(),
    on: autoUpdater.on.bind(autoUpdater) as Updater['on'],
  };
  const checker = createUpdateChecker({
    updater,
    settings: options.settings,
    appState: options.appState,
    onChange: options.onChange,
    log,
    timers: {
      every(ms, run) {
        const timer = setInterval(run, ms);
        timer.unref();
        return () => clearInterval(timer);
      },
    },
  });
  checker.start();
  return checker;
}
