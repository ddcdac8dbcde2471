// The app, faked inside the page: `window.evoTray` over an in-page AppState, plus `window.__evoTest`
// for the test to push states, queue answers and read what the window asked for.
// Plain JS: it runs as a Playwright init script before the window's own code.
// `window.__evoSeed = { state }` must be set by an earlier init script.
(() => {
  const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  let state = clone(window.__evoSeed.state);
  const listeners = new Set();
  const calls = [];
  const signInAnswers = [];
  const settingsRejections = [];

  const emit = () => {
    for (const listener of listeners) listener(clone(state));
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

  window.__evoTest = {
    calls,
    push(next) {
      state = clone(next);
      emit();
    },
    state: () => clone(state),
    /** The next signIn answers this instead of succeeding. */
    answerSignIn(result) {
      signInAnswers.push(result);
    },
    /** The next updateSettings rejects with this message. */
    rejectSettings(message) {
      settingsRejections.push(message);
    },
  };

  window.evoTray = {
    getState: async () => clone(state),
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signIn(request) {
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
    async signOut() {
      record('signOut');
      state = {
        ...state,
        account: { status: 'signed-out', keychain: state.account.keychain },
        sessions: [],
        missed: [],
      };
      emit();
    },
    async startDemo() {
      record('startDemo');
      signInAs('demo', true);
      return { ok: true };
    },
    async updateSettings(patch) {
      record('updateSettings', patch);
      const rejection = settingsRejections.shift();
      if (rejection) throw new Error(rejection);
      const settings = {
        ...state.settings,
        ...patch,
        alerts: { ...state.settings.alerts, ...(patch.alerts ?? {}) },
      };
      state = { ...state, settings };
      emit();
      return clone(settings);
    },
    async openSession(id) {
      record('openSession', id);
    },
    async clearMissed() {
      record('clearMissed');
      state = { ...state, missed: [] };
      emit();
    },
    async pauseAlerts(minutes) {
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
    async copyText(text) {
      record('copyText', text);
    },
  };
})();
