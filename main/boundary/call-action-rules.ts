// What an agent may do with a call, decided from the call alone. The window, the tray menu and
// the ringing card all ask here, and main asks again before it sends anything, so a button
// never offers what the server would refuse and a forged request is refused the same way.
import type { AppState, CallAction } from './contract.js';
import type { Session, SessionMember } from './session.js';
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

/** This agent as the app state knows them: the sign-in's user id, `/app/config`'s two ids. */
export function agentOf(state: Pick<AppState, 'account' | 'agent'>): AgentIdentity {
  const { identity, endpointId } = state.agent ?? {};
  const userId = state.account.user?.id;
  return {
    ...(userId === undefined ? {} : { userId }),
    ...(identity === undefined ? {} : { identity }),
    ...(endpointId === undefined ? {} : { endpointId }),
  };
}

type ActionView = Pick<
  Session,
  'callState' | 'queueState' | 'ended' | 'direction' | 'answeredById' | 'heldByUserId' | 'members'
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
 * Answered, held or taken by another agent: the call shows in this agent's list (a queue they
 * are in) but is not theirs to act on. `answeredById` names an endpoint (the reference page),
 * which need not be the user id, so it is compared with both. When the app cannot tell (no
 * answering id, no Agent member, `/app/config` not read yet) the call counts as the agent's:
 * the buttons stay, and a refusal from the server is shown as it comes.
 */
function isSomeoneElses(session: ActionView, agent: AgentIdentity): boolean {
  const answeredBy = trimmed(session.answeredById);
  const agents = (session.members ?? []).filter((m) => m.role === 'Agent');
  const mine =
    (answeredBy !== undefined &&
      (answeredBy === agent.userId || answeredBy === agent.endpointId)) ||
    agents.some((m) => isThisAgent(m, agent));
  if (mine) return false;
  // Matching neither id is "another" only once both are known.
  const answeredByAnother =
    answeredBy !== undefined && nonEmpty(agent.userId) && nonEmpty(agent.endpointId);
  const heldBy = trimmed(session.heldByUserId);
  const heldByAnother =
    sessionPhase(session) === 'held' &&
    heldBy !== undefined &&
    nonEmpty(agent.userId) &&
    heldBy !== agent.userId;
  return answeredByAnother || heldByAnother || agents.some((m) => isAnotherAgent(m, agent));
}

/** The member is this agent, by identity or endpoint. */
function isThisAgent(m: SessionMember, agent: AgentIdentity): boolean {
  return (
    (nonEmpty(agent.identity) && m.identity === agent.identity) ||
    (nonEmpty(agent.endpointId) && m.endpointId === agent.endpointId)
  );
}

/** The member is someone else: an id both sides have, and none of them matches. */
function isAnotherAgent(m: SessionMember, agent: AgentIdentity): boolean {
  const comparable =
    (nonEmpty(m.identity) && nonEmpty(agent.identity)) ||
    (nonEmpty(m.endpointId) && nonEmpty(agent.endpointId));
  return comparable && !isThisAgent(m, agent);
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
    (m) => m.role === 'Agent' && nonEmpty(m.callSid) && isThisAgent(m, agent),
  );
  return mine?.callSid ?? (nonEmpty(session.callSid) ? session.callSid : undefined);
}

function nonEmpty(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function trimmed(value: string | undefined): string | undefined {
  return nonEmpty(value) ? value.trim() : undefined;
}
