// The capability wired to the app: the call as the store has it, the agent from the account,
// the request through the watcher's session (one silent sign-in after a 401), and after a
// success a poll at once and the transfer destination kept. No Electron: index.ts passes the
// parts in.
import { createTranslator } from '../boundary/i18n/index.js';
import type {
  CallAction,
  CallActionRequest,
  CallActionResult,
  SettingsPatch,
} from '../boundary/contract.js';
import { EvoApiError, type EvoApi } from '../evo/api.js';
import type { Logger } from '../log.js';
import type { Notifier } from './alerts.js';
import type { AppStore } from './app-state.js';
import type { Watcher } from '../watch/watcher.js';
import { rememberDestination } from '../boundary/transfer-destination.js';
import type { AgentIdentity } from '../boundary/call-action-rules.js';
import { createCallActions } from '../call-actions/perform.js';

export interface ConnectOptions {
  store: AppStore;
  api: EvoApi;
  watcher: () => Watcher | null;
  saveSettings: (patch: SettingsPatch) => void;
  /** Tells the agent when an action from the tray menu fails (the menu has no room for it). */
  notifier: Pick<Notifier, 'show'>;
  log: Logger;
  /** Who this agent is on a call's members (from `/app/config`), when known. */
  agentIds?: () => AgentIdentity;
  /** Default Date.now. */
  now?: () => number;
}

const FAILED_TITLE: Record<CallAction, string> = {
  decline: 'The call was not declined',
  hold: 'The call was not put on hold',
  resume: 'The call was not taken off hold',
  transfer: 'The call was not transferred',
  hangUp: 'The call was not hung up',
};

export function connectCallActions(options: ConnectOptions) {
  const { store, log } = options;
  const actions = createCallActions({
    findCall: (id) => store.get().sessions.find((s) => s.id === id),
    translate: () => createTranslator(store.get().locale),
    // The user id from the profile; identity and endpoint from /app/config pick the agent's leg.
    agent: () => ({ ...options.agentIds?.(), userId: store.get().account.user?.id }),
    send(request) {
      const watcher = options.watcher();
      if (!watcher) {
        throw new EvoApiError(
          'rejected-credentials',
          'Not signed in to Evo Voice: sign in first.',
          {
            reason: 'not-signed-in',
          },
        );
      }
      return watcher.signedIn((signal) => options.api.sendAction(request, signal));
    },
    onDone(done, destination) {
      if (destination !== undefined) {
        const recent = store.get().settings.recentDestinations;
        options.saveSettings({ recentDestinations: rememberDestination(recent, destination) });
      }
      // The tray and the window show the new state within one request.
      options.watcher()?.pollNow();
    },
    now: options.now ?? Date.now,
  });

  async function perform(request: CallActionRequest): Promise<CallActionResult> {
    const result = await actions.perform(request);
    const outcome = result.ok ? 'done' : `refused: ${result.error}`;
    log.info(`Call action ${request.action} on ${request.sessionId}: ${outcome}`);
    return result;
  }

  return {
    perform,
    silences: actions.silences,
    /** A tray menu item is itself the confirmation; a failure comes back as a notification. */
    async fromTray(sessionId: string, action: CallAction): Promise<void> {
      const result = await perform({ sessionId, action });
      if (result.ok) return;
      options.notifier.show({
        title: FAILED_TITLE[action],
        body: result.error,
        silent: true,
        tag: `action:${sessionId}`,
        sessionId,
      });
    },
  };
}
