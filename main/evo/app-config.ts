// The agent's state, read from `GET /app/config` (GetAppConfig). That answer also holds a
// telephony access token (for Twilio Voice), the agent's identity and app settings: this parse
// boundary takes the two fields the tray shows, and the two ids that tell which calls and which
// leg of a call are this agent's (for hold and hang up), and nothing else: no other field of the
// answer is ever kept, logged or passed on. The token is read out only for the client to mask it
// out of later errors (a server may echo it back): see telephonyTokenOf.
import { EvoApiError } from './api.js';
import { readKey } from './field-table.js';
import { isRecord } from '../boundary/records.js';

/** AgentStates, in the reference page's order (the index, when the server sends numbers). */
export const AGENT_STATES = [
  'Unknown',
  'Ready',
  'NotReady',
  'LoggedOut',
  'WrapUp',
  'Outgoing',
  'Other',
] as const;
/** AgentStateReasons, in the reference page's order. */
export const AGENT_STATE_REASONS = ['Unknown', 'SetByUser', 'MissedCall', 'SetBySystem'] as const;

export type AgentStateName = (typeof AGENT_STATES)[number] | (string & {});
export type AgentStateReason = (typeof AGENT_STATE_REASONS)[number] | (string & {});

export interface AgentStateReading {
  state: AgentStateName;
  reason: AgentStateReason;
  /** Who this agent is on a call's members (GetAppConfig `identity`, `endpointId`). */
  identity?: string;
  endpointId?: string;
}

export const APP_CONFIG_PATH = 'app/config';

/**
 * `{agentState, agentStateReason}` out of the whole answer. An enum sent as its number is
 * read by the reference page's order; an unknown string is kept; a missing field is Unknown.
 */
export function parseAgentState(body: unknown): AgentStateReading {
  if (!isRecord(body)) {
    throw new EvoApiError(
      'bad-response',
      'Evo Voice answered the app settings in a way this app cannot read.',
    );
  }
  const identity = shortId(readKey(body, 'identity'));
  const endpointId = shortId(readKey(body, 'endpointId'));
  return {
    state: enumValue(readKey(body, 'agentState'), AGENT_STATES),
    reason: enumValue(readKey(body, 'agentStateReason'), AGENT_STATE_REASONS),
    ...(identity === undefined ? {} : { identity }),
    ...(endpointId === undefined ? {} : { endpointId }),
  };
}

/**
 * The telephony token of the answer, for the client to mask (evo/secret-mask.ts) and for
 * nothing else: it is never logged, stored or passed on.
 */
export function telephonyTokenOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const token = readKey(body, 'accessToken');
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : undefined;
}

/** An id as the call's members carry it: a short printable string, else nothing. */
function shortId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return id !== '' && id.length <= 200 && /^[\x21-\x7e]+$/.test(id) ? id : undefined;
}

function enumValue(value: unknown, names: readonly string[]): string {
  if (typeof value === 'number' && Number.isInteger(value)) return names[value] ?? 'Unknown';
  if (typeof value !== 'string' || value.trim() === '') return 'Unknown';
  // Short, printable words only: this ends up in a tooltip.
  const word = value.trim().slice(0, 40);
  return /^[\w -]+$/.test(word) ? word : 'Unknown';
}

/** The agent's state, as the agent-state capability reads it (the client implements it). */
export interface AgentStateApi {
  /** `GET /app/config`, reduced at the parse boundary to the agent's state. */
  getAgentState(signal?: AbortSignal): Promise<AgentStateReading>;
}
