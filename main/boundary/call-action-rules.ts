// What an agent may do with a call, decided from the call alone. The window, the tray menu and
// the ringing card all ask here, and main asks again before it sends anything, so a button
// never offers what the server would refuse and a forged request is refused the same way.
import type { CallAction } from './contract.js';
import type { Session } from './session.js';
import { isOutgoing, sessionPhase } from './session-reading.js';

export type { CallAction } from './contract.js';

export const CALL_ACTIONS: readonly CallAction[] = [
  'decline',
  'hold',
  'resume',
  'transfer',
  'hangUp',
];

/** Who "this agent" is on a call's members: from the profile and GET /app/config. */
export interface AgentIdentity {
  userId?: string;
  identity?: string;
  endpointId?: string;
}

type ActionView = Pick<
  Session,
  'callState' | 'queueState' | 'ended' | 'direction' | 'answeredById' | 'heldByUserId'
>;

/**
 * The actions of the call's current state, in the order the buttons stand.
 * Ringing (incoming): decline. Connected: hold, transfer, hang up. Held: resume, transfer, hang
 * up. Queued, ended, or a call another agent has taken: nothing.
 */
export function actionsFor(session: ActionView, agent: AgentIdentity): CallAction[] {
  if (isSomeoneElses(session, agent)) return [];
  switch (sessionPhase(session)) {
    case 'ringing':
      return isOutgoing(session) ? ['hangUp'] : ['decline'];
    case 'connected':
      return ['hold', 'transfer', 'hangUp'];
    case 'held':
      return ['resume', 'transfer', 'hangUp'];
    default:
      return [];
  }
}

export function isAllowed(session: ActionView, agent: AgentIdentity, action: CallAction): boolean {
  return actionsFor(session, agent).includes(action);
}

/**
 * Answered or held by another user: the call shows in this agent's list (a queue they are in)
 * but is not theirs to act on.
 */
function isSomeoneElses(session: ActionView, agent: AgentIdentity): boolean {
  if (agent.userId === undefined) return false;
  const other = (id: string | undefined) => id !== undefined && id !== '' && id !== agent.userId;
  return (
    other(session.answeredById) || (sessionPhase(session) === 'held' && other(session.heldByUserId))
  );
}

/**
 * The call leg that is this agent's: the member whose role is Agent and who is this agent
 * (by identity or endpoint), else the session's own callSid. Undefined when neither is known.
 */
export function agentCallSid(
  session: Pick<Session, 'members' | 'callSid'>,
  agent: AgentIdentity,
): string | undefined {
  const mine = (session.members ?? []).find(
    (m) =>
      m.role === 'Agent' &&
      nonEmpty(m.callSid) &&
      ((nonEmpty(agent.identity) && m.identity === agent.identity) ||
        (nonEmpty(agent.endpointId) && m.endpointId === agent.endpointId)),
  );
  return mine?.callSid ?? (nonEmpty(session.callSid) ? session.callSid : undefined);
}

function nonEmpty(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
