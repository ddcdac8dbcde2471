// Main and Electron's IPC, faked inside the page: the real preload (out/preload/preload.cjs) runs
// over `window.__evoElectron` and builds `window.evoTray` itself, so the window talks to main the
// way it does in the app. `window.__evoTest` lets the test push states, queue answers and read
// what the window asked for.
// Plain JS: it runs as a Playwright init script before the preload and the window's own code.
// `window.__evoSeed = { state, details, ipc, avatars }` must be set by an earlier init script:
// `state` is the WindowState main pushes, `details` each call's getCall answer by id.
(() => {
  const { ipc, avatars } = window.__evoSeed;
  // Electron's IPC copies every message by the structured clone algorithm.
  const clone = (value) => (value === undefined ? undefined : structuredClone(value));
  let state = clone(window.__evoSeed.state);
  let details = clone(window.__evoSeed.details ?? {});
  const stateListeners = new Set();
  const calls = [];
  const signInAnswers = [];
  const settingsRejections = [];
  /** What main answers to the next call actions: `{ result, delayMs }`; by default ok at once. */
  const callActionAnswers = [];

  // Main's settings rule breaks are SettingsErrors; Electron prints them as `${error}`.
  class SettingsError extends Error {
    name = 'SettingsError';
  }

  const emit = () => {
    for (const listener of stateListeners) listener({ sender: null }, clone(state));
  };
  const record = (name, ...args) => calls.push({ name, args: clone(args) });
  const signInAs = (server, demo) => {
    state = {
      ...state,
      account: {
        ...state.account,
        status: 'signed-in',
        server,
        user: { name: 'Ada Agent' },
        demo,
        error: undefined,
      },
      connection: { status: 'online', lastPollAt: Date.now() },
    };
    emit();
  };

  // One handler per channel, as main registers them with ipcMain.handle.
  const handlers = {
    [ipc.getState]: async () => clone(state),
    async [ipc.getCall](id) {
      record('getCall', id);
      return details[id] ?? null;
    },
    async [ipc.signIn](request) {
      // What the window sent, without keeping the password itself.
      record('signIn', {
        ...request,
        password: request.password ? `<${request.password.length} chars>` : '',
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      const answer = signInAnswers.shift() ?? { ok: true };
      if (answer.ok) signInAs(request.server, false);
      return answer;
    },
    async [ipc.signOut]() {
      record('signOut');
      state = {
        ...state,
        account: { status: 'signed-out', keychain: state.account.keychain },
        calls: [],
        missed: [],
      };
      emit();
    },
    async [ipc.startDemo]() {
      record('startDemo');
      signInAs('demo', true);
      return { ok: true };
    },
    async [ipc.updateSettings](patch) {
      record('updateSettings', patch);
      const rejection = settingsRejections.shift();
      if (rejection) throw new SettingsError(rejection);
      const settings = {
        ...state.settings,
        ...patch,
        alerts: { ...state.settings.alerts, ...(patch.alerts ?? {}) },
      };
      state = { ...state, settings };
      emit();
      return clone(settings);
    },
    async [ipc.openSession](id) {
      record('openSession', id);
    },
    async [ipc.clearMissed]() {
      record('clearMissed');
      state = { ...state, missed: [] };
      emit();
    },
    async [ipc.pauseAlerts](minutes) {
      record('pauseAlerts', minutes);
      const until =
        minutes === null
          ? undefined
          : minutes === 'until-resumed'
            ? minutes
            : Date.now() + minutes * 60_000;
      state = {
        ...state,
        alertsPausedUntil: until,
        settings: { ...state.settings, alertsPausedUntil: until ?? null },
      };
      emit();
    },
    async [ipc.copyText](text) {
      record('copyText', text);
    },
    async [ipc.callBack](number) {
      record('callBack', number);
      return { ok: true };
    },
    async [ipc.getAvatar](url) {
      record('getAvatar', url);
      return avatars[url] ?? null;
    },
    async [ipc.callAction](request) {
      record('callAction', request);
      const { result = { ok: true }, delayMs = 0 } = callActionAnswers.shift() ?? {};
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return result;
    },
    async [ipc.testRingSound]() {
      record('testRingSound');
    },
  };

  window.__evoElectron = {
    contextBridge: {
      exposeInMainWorld(name, api) {
        window[name] = api;
      },
    },
    ipcRenderer: {
      // Electron's own wrapping of an error thrown by a handler in main.
      async invoke(channel, ...args) {
        const handler = handlers[channel];
        try {
          if (!handler) throw new Error(`No handler registered for '${channel}'`);
          return clone(await handler(...clone(args)));
        } catch (error) {
          // eslint-disable-next-line preserve-caught-error -- as Electron's own: no cause attached
          throw new Error(`Error invoking remote method '${channel}': ${error}`);
        }
      },
      on(channel, listener) {
        if (channel === ipc.state) stateListeners.add(listener);
      },
      removeListener(channel, listener) {
        if (channel === ipc.state) stateListeners.delete(listener);
      },
    },
  };

  window.__evoTest = {
    calls,
    // Main's copy of what the test pushed: each listener still gets its own copy, as IPC gives,
    // but the page pays one copy per push as the window does, not two.
    push(next, nextDetails) {
      state = next;
      if (nextDetails) details = nextDetails;
      emit();
    },
    state: () => clone(state),
    /** The next signIn answers this instead of succeeding. */
    answerSignIn(result) {
      signInAnswers.push(result);
    },
    /** The next callAction answers `result` after `delayMs`. */
    answerCallAction(result, delayMs = 0) {
      callActionAnswers.push({ result, delayMs });
    },
    /** The next updateSettings fails in main with this message. */
    rejectSettings(message) {
      settingsRejections.push(message);
    },
  };
})();
