// How a call's fields change as it rings, is answered, held, resumed and ends.
// Pure: a session and the time in, the next session out (the input is never mutated).
import type { Session, SessionMemberCallState, SessionMemberRole } from '../boundary/session.js';

export interface Agent {
  id: string;
  name: string;
  /** The endpoint `answeredById` names; the user id when not given. */
  endpointId?: string;
}

type MemberStates = Partial<Record<SessionMemberRole, SessionMemberCallState>>;

function change(
  session: Session,
  at: string,
  patch: Partial<Session>,
  members: MemberStates,
  message: string,
): Session {
  return {
    ...session,
    ...patch,
    dateLastModified: at,
    members: session.members?.map((member) => {
      const callState = member.role === undefined ? undefined : members[member.role];
      return callState === undefined ? { ...member } : { ...member, callState };
    }),
    log: [...(session.log ?? []), { date: at, message }],
  };
}

function assertLive(session: Session, action: string): void {
  if (session.ended) {
    throw new Error(`Cannot ${action} call ${session.id}: it has already ended`);
  }
}

/** A call waiting in a queue; not offered to the agent yet, so nothing rings. */
export function queued(session: Session, at: string, queueName: string): Session {
  assertLive(session, 'queue');
  return change(
    session,
    at,
    // The real server always sends its enums; a call not yet offered has no call leg state.
    { queueState: 'Queued', callState: 'Disconnected' },
    { Agent: 'None' },
    `Queued in ${queueName}`,
  );
}

export function ringing(session: Session, at: string, agent: Agent): Session {
  assertLive(session, 'ring');
  return change(
    session,
    at,
    { callState: 'Ringing', queueState: 'Ringing', dialState: 'Active' },
    { Agent: 'Ringing' },
    `Ringing ${agent.name}`,
  );
}

export function answered(session: Session, at: string, agent: Agent): Session {
  assertLive(session, 'answer');
  return change(
    session,
    at,
    {
      callState: 'Connected',
      queueState: 'Connected',
      answeredByName: agent.name,
      answeredById: agent.endpointId ?? agent.id,
      holdReason: 'None',
    },
    { Caller: 'Connected', Agent: 'Connected' },
    `Answered by ${agent.name}`,
  );
}

export function held(
  session: Session,
  at: string,
  hold: { queueName: string; byUserId: string; transferring: boolean },
): Session {
  assertLive(session, 'hold');
  return change(
    session,
    at,
    {
      callState: 'Hold',
      queueState: 'Hold',
      holdQueueName: hold.queueName,
      heldByUserId: hold.byUserId,
      holdReason: hold.transferring ? 'Transferring' : 'None',
    },
    { Caller: 'Hold', Agent: 'None' },
    hold.transferring
      ? `Placed on hold in ${hold.queueName} for a transfer`
      : `Placed on hold in ${hold.queueName}`,
  );
}

export function resumed(session: Session, at: string, agent: Agent): Session {
  assertLive(session, 'resume');
  if (session.callState !== 'Hold' && session.queueState !== 'Hold') {
    throw new Error(`Cannot resume call ${session.id}: it is not on hold`);
  }
  return change(
    session,
    at,
    {
      callState: 'Connected',
      queueState: 'Connected',
      holdQueueName: undefined,
      heldByUserId: undefined,
      holdReason: 'None',
    },
    { Caller: 'Connected', Agent: 'Connected' },
    `Resumed from hold by ${agent.name}`,
  );
}

function finished(session: Session, at: string, missed: boolean, message: string): Session {
  assertLive(session, missed ? 'miss' : 'end');
  return change(
    session,
    at,
    {
      ended: true,
      wasMissed: missed,
      callState: 'Disconnected',
      queueState: 'Disconnected',
      dialState: 'None',
      dateCompleted: at,
      outcome: missed ? 'Missed' : 'Completed',
      holdQueueName: undefined,
      heldByUserId: undefined,
      holdReason: 'None',
    },
    { Caller: 'None', Agent: 'None', Transfer: 'None' },
    message,
  );
}

export function ended(session: Session, at: string): Session {
  return finished(session, at, false, 'Call ended');
}

export function missed(session: Session, at: string): Session {
  const caller = session.fromName ?? session.fromAddress ?? 'The caller';
  return finished(session, at, true, `Missed: ${caller} hung up before anyone answered`);
}

/** Another agent took the call: it is connected, just not to this agent. */
export function answeredElsewhere(session: Session, at: string, by: Agent): Session {
  assertLive(session, 'answer');
  return change(
    session,
    at,
    {
      callState: 'Connected',
      queueState: 'Connected',
      answeredByName: by.name,
      answeredById: by.id,
      holdQueueName: undefined,
      heldByUserId: undefined,
      holdReason: 'None',
    },
    { Caller: 'Connected', Agent: 'None' },
    `Answered by ${by.name}`,
  );
}

/** Declined by the agent it rang: back to the queue, waiting for the next agent. */
export function declined(session: Session, at: string, by: Agent): Session {
  assertLive(session, 'decline');
  return change(
    session,
    at,
    { callState: 'Disconnected', queueState: 'Queued' },
    { Agent: 'None' },
    `Declined by ${by.name}`,
  );
}

/** Sent to another destination: connected there, and no longer this agent's call. */
export function redirected(session: Session, at: string, by: Agent, destination: string): Session {
  assertLive(session, 'transfer');
  return change(
    session,
    at,
    {
      callState: 'Connected',
      queueState: 'Connected',
      destination,
      holdQueueName: undefined,
      heldByUserId: undefined,
      holdReason: 'None',
    },
    { Caller: 'Connected', Agent: 'None', Transfer: 'Connected' },
    `Transferred to ${destination} by ${by.name}`,
  );
}
