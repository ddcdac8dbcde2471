// The agent's state in the agent's words, the tray icon's variant, and when a card says the
// platform set them Not ready. Pure.
import type { AgentStateView } from '../boundary/contract.js';
import type { AgentStateReading } from '../evo/app-config.js';

const WORDS: Record<string, string> = {
  Ready: 'Ready',
  NotReady: 'Not ready',
  LoggedOut: 'Logged out',
  WrapUp: 'Wrap-up',
  Outgoing: 'On an outgoing call',
  Other: 'Away',
};

const REASONS: Record<string, string> = {
  MissedCall: 'after a missed call',
  SetBySystem: 'set by Evo Voice',
};

/**
 * "Ready", "Not ready — after a missed call", "Wrap-up"…; empty when the platform does not say
 * (Unknown: an account outside a call centre has no agent state). A state this app does not
 * know is shown as the platform names it.
 */
export function agentStateWords(reading: AgentStateReading): string {
  if (reading.state === 'Unknown') return '';
  const words = WORDS[reading.state] ?? reading.state;
  const why = reading.state === 'NotReady' ? REASONS[reading.reason] : undefined;
  return why === undefined ? words : `${words} — ${why}`;
}

/** The reading as the app state carries it (to the tray and the window). */
export function agentStateView(reading: AgentStateReading, at: number): AgentStateView {
  const { identity, endpointId } = reading;
  return {
    state: reading.state,
    reason: reading.reason,
    words: agentStateWords(reading),
    at,
    ...(identity === undefined ? {} : { identity }),
    ...(endpointId === undefined ? {} : { endpointId }),
  };
}

/** No call will ring: the tray's idle icon takes its Not-ready variant. */
export function takesNoCalls(agent: AgentStateView | undefined): boolean {
  return agent?.state === 'NotReady' || agent?.state === 'LoggedOut';
}

export const NOT_READY_CARD = {
  title: 'You are Not ready',
  body: 'Evo Voice set you Not ready after a missed call: no calls will ring for you until you are Ready again in Evo Voice.',
} as const;

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
