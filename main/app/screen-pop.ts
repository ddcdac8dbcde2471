// The screen pop wired to the app: after each state change, the calls due (screen-pop/when) open
// once each through the injected opener (Electron's shell.openExternal); by hand, from the
// call's button, the tray or the card; and Settings' Test. No Electron here: index.ts passes
// the opener in.
import type {
  AppState,
  ScreenPopResult,
  ScreenPopTestRequest,
  ScreenPopTestResult,
} from '../boundary/contract.js';
import { actionsFor, agentOf } from '../boundary/call-action-rules.js';
import { errorMessage } from '../boundary/errors.js';
import type { Logger } from '../log.js';
import { screenPopAddress } from '../screen-pop/address.js';
import { openPoppedCalls, poppedCallsInMemory } from '../screen-pop/popped-file.js';
import { sampleSession, screenPopsDue, type PoppedCalls } from '../screen-pop/when.js';
import type { Notifier } from './alerts.js';
import { createTranslator } from '../boundary/i18n/index.js';

export interface ScreenPopOptions {
  state: () => AppState;
  /** Opens a checked address in the system browser, never inside the app. */
  open(url: string): Promise<void>;
  /** IT's allowed origins (the policy); undefined when IT lists none. */
  allowedOrigins: () => readonly string[] | undefined;
  /** Tells the agent why a screen pop that was due did not open. */
  notifier: Pick<Notifier, 'show'>;
  log: Logger;
  now?: () => number;
}

export interface ScreenPops {
  /**
   * The account's state folder (the ledger's), where the popped calls are kept across
   * restarts; undefined (the demo) keeps them in memory only.
   */
  useStateDir(dir: string | undefined): Promise<void>;
  /** After each state change: opens what is due, each call at most once. */
  follow(state: AppState): Promise<void>;
  /** "Look up the caller": a live or recently ended call, whatever `when` says. */
  openFor(sessionId: string): Promise<ScreenPopResult>;
  /** The same from the tray or a card, which have no room for an error: a notification says it. */
  fromTray(sessionId: string): Promise<void>;
  test(request: ScreenPopTestRequest): Promise<ScreenPopTestResult>;
}

export function createScreenPops(options: ScreenPopOptions): ScreenPops {
  const { log } = options;
  let popped: Promise<PoppedCalls> = Promise.resolve(poppedCallsInMemory());

  /** The agent's language now: refusals are shown to them. */
  const words = () => createTranslator(options.state().locale);

  async function openChecked(url: string): Promise<ScreenPopResult> {
    try {
      await options.open(url);
      return { ok: true };
    } catch (e) {
      log.warn(`The screen pop did not open: ${errorMessage(e)}`);
      return { ok: false, error: words()('screenPop.noBrowser') };
    }
  }

  function tell(sessionId: string, error: string): void {
    options.notifier.show({
      title: words()('screenPop.notOpened'),
      body: error,
      silent: true,
      tag: `screen-pop:${sessionId}`,
      sessionId,
    });
  }

  async function openFor(sessionId: string): Promise<ScreenPopResult> {
    const state = options.state();
    const session = [...state.sessions, ...state.recentlyEnded].find((s) => s.id === sessionId);
    if (session === undefined) return { ok: false, error: words()('screenPop.callGone') };
    const address = screenPopAddress(
      state.settings.screenPop.url,
      session,
      options.allowedOrigins(),
      words(),
    );
    return address.ok ? openChecked(address.url) : address;
  }

  return {
    async useStateDir(dir) {
      const now = options.now ?? Date.now;
      popped =
        dir === undefined
          ? Promise.resolve(poppedCallsInMemory())
          : openPoppedCalls(dir, now).then((file) => {
              if (file.warning !== undefined) log.warn(file.warning);
              return file;
            });
      await popped;
    },

    async follow(state) {
      const { screenPop } = state.settings;
      if (screenPop.url === '' || screenPop.when === 'manual') return;
      if (state.account.status !== 'signed-in') return;
      const calls = await popped;
      // The settings and calls of the latest state, read after the file is open.
      const latest = options.state();
      const agent = agentOf(latest);
      // A call someone else took has no actions for this agent: it is not theirs to pop.
      const isAgents = (s: AppState['sessions'][number]) => actionsFor(s, agent).length > 0;
      const due = screenPopsDue(latest.sessions, latest.settings.screenPop, isAgents, calls);
      // Recorded before anything opens, in one synchronous pass: a second state change cannot
      // pick the same call, and a restart finds it in the file.
      const recorded = due.map((session) => ({ session, written: calls.add(session.id) }));
      for (const { session, written } of recorded) {
        try {
          await written;
        } catch (e) {
          // Opened all the same: a lost write only risks a second pop after a restart.
          log.warn(`Could not record the screen pop of ${session.id}: ${errorMessage(e)}`);
        }
        const address = screenPopAddress(
          latest.settings.screenPop.url,
          session,
          options.allowedOrigins(),
          words(),
        );
        const result = address.ok ? await openChecked(address.url) : address;
        if (result.ok) continue;
        log.warn(`Screen pop of ${session.id} refused: ${result.error}`);
        tell(session.id, result.error);
      }
    },

    openFor,

    async fromTray(sessionId) {
      const result = await openFor(sessionId);
      if (!result.ok) tell(sessionId, result.error);
    },

    async test({ url, open }) {
      const address = screenPopAddress(url, sampleSession, options.allowedOrigins(), words());
      if (!address.ok || !open) return address;
      const opened = await openChecked(address.url);
      return opened.ok ? address : opened;
    },
  };
}
