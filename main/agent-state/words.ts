// The agent's state in the agent's words, the tray icon's variant, and when a card says the
// platform set them Not ready. Pure.
import type { AgentStateView } from '../boundary/contract.js';
import type { AgentStateReading } from '../evo/app-config.js';
import { createTranslator, type MessageId, type Translate } from '../boundary/i18n/index.js';

const WORDS: Record<string, MessageId> = {
  Ready: 'agent.ready',
  NotReady: 'agent.notReady',
  LoggedOut: 'agent.loggedOut',
  WrapUp: 'agent.wrapUp',
  Outgoing: 'agent.outgoing',
  Other: 'agent.away',
};

const REASONS: Record<string, MessageId> = {
  MissedCall: 'agent.reason.missedCall',
  SetBySystem: 'agent.reason.setBySystem',
};

const english = createTranslator('en');

/**
 * "Ready", "Not ready — after a missed call", "Wrap-up"…; empty when the platform does not say
 * (Unknown: an account outside a call centre has no agent state). A state this app does not
 * know is shown as the platform names it.
 */
export function agentStateWords(
  reading: Pick<AgentStateReading, 'state' | 'reason'>,
  t: Translate = english,
): string {
  if (reading.state === 'Unknown') return '';
  const known = WORDS[reading.state];
  const words = known === undefined ? reading.state : t(known);
  const why = reading.state === 'NotReady' ? REASONS[reading.reason] : undefined;
  return why === undefined ? words : t('agent.withReason', { state: words, reason: t(why) });
}

/** The reading as the app state carries it (to the tray and the window). */
export function agentStateView(
  reading: AgentStateReading,
  at: number,
  t: Translate = english,
): AgentStateView {
  const { identity, endpointId } = reading;
  return {
    state: reading.state,
    reason: reading.reason,
    words: agentStateWords(reading, t),
    at,
    ...(identity === undefined ? {} : { identity }),
    ...(endpointId === undefined ? {} : { endpointId }),
  };
}

/** No call will ring: the tray's idle icon takes its Not-ready variant. */
export function takesNoCalls(agent: AgentStateView | undefined): boolean {
  return agent?.state === 'NotReady' || agent?.state === 'LoggedOut';
}

/** The card for the platform setting the agent Not ready after a missed call. */
export function notReadyCard(t: Translate = english): { title: string; body: string } {
  return { title: t('agent.notReadyCard.title'), body: t('agent.notReadyCard.body') };
}

/**
 * Whether this reading is the platform setting the agent Not ready for a missed call, newly:
 * one card for each time it happens, not for every reading while it lasts.
 */
export function notReadyAfterMissedCall(
  before: AgentStateView | undefined,
  now: AgentStateReading,
): boolean {
  const isIt = (s: { state: string; reason: string } | undefined) =>
    s?.state === 'NotReady' && s.reason === 'MissedCall';
  return isIt(now) && !isIt(before);
}
