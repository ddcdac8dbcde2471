// The composition root: builds the app from its parts and wires Electron's events to them.
// Every decision lives in the modules it calls; this file only connects them.
import { join } from 'node:path';
import { app, clipboard, type WebFrameMain } from 'electron';
import { IPC, type Settings, type SettingsPatch } from './boundary/contract.js';
import { createAccount, type WatchRequest } from './app/account.js';
import { createAlerts } from './app/alerts.js';
import {
  clearMissed,
  createAppStore,
  initialAppState,
  markMissedSeen,
  withAccount,
  withSettings,
} from './app/app-state.js';
import { createAvatarFetcher } from './app/avatars.js';
import { createAppPolicy, policySourceAt, withPolicy } from './app/policy.js';
import { connectCallActions } from './app/call-action-wiring.js';
import { keepAliveOnErrors, secondLaunches, startUp } from './app/startup.js';
import { createWhileAway } from './app/while-away.js';
import { startDemoRun } from './app/demo-run.js';
import { createScreenPops } from './app/screen-pop.js';
import { createWindowStates } from './app/window-state.js';
import { findCall } from './boundary/window-state.js';
import { openCredentials } from './credentials/open.js';
import { createRejectedPasswords, diskMarkFile } from './credentials/rejected.js';
import { keychainAccount } from './credentials/store.js';
import { createEvoClient } from './evo/client.js';
import type { Logger } from './log.js';
import { applySettingsPatch, settingsChanges, timingOf } from './settings/index.js';
import { createWatcher } from './watch/watcher.js';
import { callBack } from './electron/call-back.js';
import { openInBrowser } from './electron/browser.js';
import { registerAppScheme, serveAppScheme } from './electron/app-protocol.js';
import { registerIpc, type BridgeHandlers } from './electron/ipc.js';
import { electronLogger } from './electron/log.js';
import { setOpenAtLogin } from './electron/login-item.js';
import { followPower } from './electron/power.js';
import { policyPlace } from './electron/policy.js';
import { createRinging } from './electron/ringing.js';
import { openSettingsFile } from './electron/settings-store.js';
import { installE2EProbe } from './electron/e2e-probe.js';
import { createTray } from './electron/tray.js';
import { sessionRoute, trayMenuActions } from './electron/tray-menu-actions.js';
import { startUpdates } from './electron/updates.js';
import type { UpdateChecker } from './updates/checker.js';
import { createAppWindow } from './electron/window.js';
import { errorMessage } from './boundary/errors.js';
import { followLanguage, inAgentsWords } from './app/language.js';
import { createTranslator } from './boundary/i18n/index.js';
import { systemLanguages } from './electron/system-languages.js';

// Before anything can fail: the logger exists only once Electron is ready.
let appLog: Logger | null = null;
keepAliveOnErrors(process, () => appLog);

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before any await, so a second launch during start-up is not lost.
  const launches = secondLaunches();
  app.on('second-instance', () => launches.onSecondLaunch());
  if (process.platform === 'win32') app.setAppUserModelId('io.evovoice.tray');
  // A tray app lives on with its window closed.
  app.on('window-all-closed', () => {});
  registerAppScheme();
  await app.whenReady();
  serveAppScheme();
  installE2EProbe();
  app.dock?.hide();

  const log = electronLogger();
  appLog = log;
  const settingsFile = openSettingsFile(log);
  const { credentials, keychain } = await openCredentials(log);
  // IT's policy, before any setting is used: the settings in force are the stored ones under it.
  const policy = createAppPolicy(policySourceAt(policyPlace()), log);
  await policy.load();
  const store = createAppStore(
    withPolicy(initialAppState(policy.effective(settingsFile.read()), keychain), policy.view()),
  );
  followLanguage(store, systemLanguages);
  // A settings file that could not be read or used: the agent is told, in the window and tray.
  const { problem } = settingsFile;
  if (problem) store.update((s) => withAccount(s, { notice: problem(s.locale) }));
  const api = createEvoClient({ logger: log });

  function saveSettings(patch: SettingsPatch): Settings {
    // Only the agent's own choices are stored; an enforced key in the patch is left out.
    const stored = applySettingsPatch(settingsFile.read(), policy.patch(patch));
    return useSettings(policy.effective(stored), () => settingsFile.write(stored));
  }

  /** Tells every running part about the settings now in force (saved by `save`, if any). */
  function useSettings(next: Settings, save = () => {}): Settings {
    const before = store.get().settings;
    const changed = settingsChanges(before, next);
    // A shortcut the OS refuses is not saved: the agent reads why, the old one keeps working.
    if (changed.shortcut) ringing.useShortcut(next.globalShortcut);
    save();
    store.update((s) => withPolicy(withSettings(s, next), policy.view()));
    if (changed.timing) account.watcher()?.setTiming(timingOf(next));
    if (changed.openAtLogin) setOpenAtLogin(next.openAtLogin, log);
    return next;
  }

  const tray = createTray({
    iconsDir: join(app.getAppPath(), 'assets', 'icons'),
    now: Date.now,
    onAction: (action) => onMenu(action),
    onClick: () => appWindow.open(),
  });
  const appWindow = createAppWindow({
    server: () => store.get().account.server ?? store.get().settings.server,
    savedBounds: () => store.get().settings.windowBounds,
    saveBounds: (windowBounds) => saveSettings({ windowBounds }),
    trayBounds: () => tray.bounds(),
    onShown: () => store.update(markMissedSeen),
  });
  // The window's state, made once per AppState for both windows (only what they show).
  const windowState = createWindowStates();
  const ringing = createRinging({
    store,
    windowState,
    log,
    open: (to) => appWindow.open(to.kind === 'call' ? sessionRoute(to.sessionId) : `/${to.kind}`),
    // The card's Decline button is itself the confirmation, as in the tray.
    decline: (id) => void callActions.fromTray(id, 'decline'),
    lookUp: (id) => void screenPops.fromTray(id),
  });
  const { notifier } = ringing;
  const callActions = connectCallActions({
    store,
    api,
    notifier,
    log,
    saveSettings,
    watcher: () => account.watcher(),
    agentIds: () => away.agentIds(),
  });
  const alerts = createAlerts(store, notifier, Date.now, callActions.silences);
  ringing.follow(alerts);
  const away = createWhileAway({
    store,
    notifier: ringing.notifier,
    onEvent: alerts.onEvent,
    now: Date.now,
    log,
  });
  const screenPops = createScreenPops({
    state: () => store.get(),
    open: openInBrowser,
    // IT's allowed origins (undefined: any https address; a broken list: none).
    allowedOrigins: () => policy.allowedScreenPopOrigins(),
    notifier,
    log,
  });
  // A locked screen keeps polling (slower after a while); sleep pauses it.
  const power = followPower({
    pause: () => account.watcher()?.pause(),
    wake: () => account.watcher()?.wake(),
    pollNow: () => account.watcher()?.pollNow(),
  });

  const ledgerDir = (server: string, username: string) =>
    join(
      app.getPath('userData'),
      'ledgers',
      keychainAccount(server, username).replace(/[^\w.@-]/g, '_'),
    );
  const watch = (request: WatchRequest) => {
    // One ledger per account; the demo's calls are not worth remembering.
    const stateDir = request.demo ? undefined : ledgerDir(request.server, request.username);
    void screenPops.useStateDir(stateDir);
    return createWatcher({
      ...request,
      api,
      timing: timingOf(store.get().settings),
      lockedSince: power.lockedSince,
      ...(stateDir === undefined ? {} : { stateDir }),
      followers: away.followers(api, stateDir),
      log,
      onEvent: away.onEvent,
      translate: () => createTranslator(store.get().locale),
      onPoll: alerts.onPoll,
    });
  };

  const account = createAccount({
    api,
    credentials,
    rejected: createRejectedPasswords(diskMarkFile(join(app.getPath('userData'), 'rejected.json'))),
    store,
    saveSettings: (patch) => void saveSettings(patch),
    watch,
    startDemo: startDemoRun,
    onEvent: alerts.onEvent,
    closeNotifications: () => alerts.closeAll(),
    mayRememberPassword: () => policy.mayRememberPassword(),
    log,
  });
  const avatars = createAvatarFetcher({
    server: () => store.get().account.server ?? store.get().settings.server,
  });

  const bridge: BridgeHandlers = {
    getState: async () => windowState(store.get()),
    getCall: async (id) => findCall(store.get(), id) ?? null,
    signIn: (request) => account.signIn(policy.signInRequest(request)),
    signOut: () => account.signOut(),
    startDemo: () => account.startDemo(),
    updateSettings: async (patch) =>
      inAgentsWords(
        () => saveSettings(patch),
        () => store.get().locale,
      ),
    openSession: async (id) => appWindow.open(sessionRoute(id)),
    clearMissed: async () => store.update(clearMissed),
    async pauseAlerts(minutes) {
      const until = typeof minutes === 'number' ? Date.now() + minutes * 60_000 : minutes;
      saveSettings({ alertsPausedUntil: until });
    },
    copyText: async (text) => clipboard.writeText(text),
    getAvatar: (url) => avatars.get(url),
    callAction: (request) => callActions.perform(request),
    callBack: (number) => callBack(number, log, createTranslator(store.get().locale)),
    testRingSound: async () => ringing.testSound(),
    listRingDevices: () => ringing.listDevices(),
    openScreenPop: (id) => screenPops.openFor(id),
    testScreenPop: (request) => screenPops.test(request),
  };

  const onMenu = trayMenuActions({
    openWindow: (route) => appWindow.open(route),
    bridge,
    actFromTray: (id, action) => callActions.fromTray(id, action),
    lookUp: (id) => screenPops.fromTray(id),
    callBack: (number) => callBack(number, log, createTranslator(store.get().locale)),
    clearMissed: () => store.update(clearMissed),
    signOut: () => account.signOut(),
    restartToUpdate: () => updates?.restart() ?? false,
    quit: () => app.quit(),
    log,
  });

  const isOurFrame = (f: WebFrameMain | null | undefined) =>
    appWindow.isOurFrame(f) || ringing.isOurFrame(f);
  registerIpc({ isOurFrame, handlers: bridge });
  store.subscribe((state) => {
    tray.show(state);
    appWindow.send(IPC.state, windowState(state));
    ringing.update(state);
    void screenPops.follow(state);
  });
  try {
    ringing.useShortcut(store.get().settings.globalShortcut);
  } catch (e) {
    store.update((s) => withAccount(s, { notice: errorMessage(e) }));
  }
  tray.show(store.get());
  policy.follow(() => {
    try {
      useSettings(policy.effective(settingsFile.read()));
    } catch (e) {
      store.update((s) => withAccount(s, { notice: errorMessage(e) }));
    }
  });
  launches.ready(() => appWindow.open());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // The ledger is flushed before the process goes, so a restart does not alert again.
    event.preventDefault();
    quitting = true;
    void (account.watcher()?.stop() ?? Promise.resolve()).finally(() => app.quit());
  });

  setOpenAtLogin(store.get().settings.openAtLogin, log);
  let updates: UpdateChecker | null = null;
  await startUp({
    argv: process.argv,
    account,
    hasAccount: store.get().settings.username !== '',
    openWindow: () => appWindow.open(),
  });
  // After the window and the first sign-in: an update is never more urgent than a call.
  updates = startUpdates({
    settings: () => store.get().settings,
    appState: () => store.get(),
    onChange: (update) => store.update((s) => ({ ...s, update })),
    log,
  });
}

void main();
