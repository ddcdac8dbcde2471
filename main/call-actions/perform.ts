// Performing an action on a call: checked against the call as the last poll saw it, sent once,
// shared while in flight, and remembered afterwards so its consequences are not alerted. The
// client, the poll and the settings are injected; no Electron, no timers.
import type { CallActionRequest, CallActionResult, Session } from '../boundary/contract.js';
import type { ActionRequest } from '../evo/api.js';
import type { SessionEventKind } from '../watch/events.js';
import { actionRequest } from './requests.js';
import { isAllowed, type AgentIdentity, type CallAction } from '../boundary/call-action-rules.js';
import { isSilencedByAction, pruneDone, type DoneAction } from './suppress.js';
import { actionFailureWords, notAllowedWords } from './words.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

export interface CallActionsOptions {
  /** The live call as the last poll answered it; undefined once it left the list. */
  findCall(sessionId: string): Session | undefined;
  agent(): AgentIdentity;
  /** Sends the request on the signed-in session (one silent sign-in after a 401, no retry). */
  send(request: ActionRequest): Promise<void>;
  /** After a success: poll at once, keep the destination of a transfer. */
  onDone(done: DoneAction, destination?: string): void;
  now(): number;
  /** The agent's language now, for the refusals they read (English when not given). */
  translate?(): Translate;
}

export interface CallActions {
  perform(request: CallActionRequest): Promise<CallActionResult>;
  /** The event is what the agent just did (a declined call "missed"…): no alert for it. */
  silences(event: { event: SessionEventKind; sessionId: string }): boolean;
}

/** The refusal for a call that is gone, in English (the default language). */
export const ALREADY_ENDED = createTranslator('en')('callAction.ended');

export function createCallActions(options: CallActionsOptions): CallActions {
  let done: DoneAction[] = [];
  /** One action per call at a time; the same action asked again shares the request. */
  const inFlight = new Map<string, { action: CallAction; result: Promise<CallActionResult> }>();

  async function run(request: CallActionRequest): Promise<CallActionResult> {
    const { sessionId, action, destination } = request;
    const t = options.translate?.() ?? createTranslator('en');
    const session = options.findCall(sessionId);
    if (session === undefined || session.ended === true) return failed(t('callAction.ended'));
    const agent = options.agent();
    if (!isAllowed(session, agent, action)) return failed(notAllowedWords(action, session, t));
    const planned = actionRequest(session, action, agent, destination, t);
    if (!planned.ok) return planned;
    try {
      await options.send(planned.request);
    } catch (error) {
      return failed(actionFailureWords(action, error, t));
    }
    const now = options.now();
    // Taken back from hold: a later hold (a colleague's) is news again.
    const kept = action === 'resume' ? done.filter((d) => d.sessionId !== sessionId) : done;
    const entry = { sessionId, action, at: now };
    done = [...pruneDone(kept, now), entry];
    options.onDone(entry, planned.request.body?.['destination']);
    return { ok: true };
  }

  return {
    perform(request) {
      const current = inFlight.get(request.sessionId);
      if (current) {
        if (current.action === request.action) return current.result;
        return Promise.resolve(
          failed('Wait a moment: the last action on this call is still being sent.'),
        );
      }
      const result = run(request).finally(() => inFlight.delete(request.sessionId));
      inFlight.set(request.sessionId, { action: request.action, result });
      return result;
    },
    silences: (event) => isSilencedByAction(done, event, options.now()),
  };
}

function failed(error: string): CallActionResult {
  return { ok: false, error };
}
