// When the screen pop opens by itself: a pure decision over the call as the last poll saw it.
import type { ScreenPopSettings } from '../boundary/contract.js';
import type { Session } from '../boundary/session.js';
import { isOutgoing, sessionPhase } from '../boundary/session-reading.js';

/** The calls already popped: at most once per call, across restarts when file-backed. */
export interface PoppedCalls {
  has(sessionId: string): boolean;
  add(sessionId: string): Promise<void>;
}

export interface PopQuestion {
  screenPop: ScreenPopSettings;
  session: Session;
  /** The call is this agent's: ringing for them, or answered by them (main/call-actions). */
  isAgents: boolean;
  popped: Pick<PoppedCalls, 'has'>;
}

/**
 * 'ringing': as the call starts ringing for the agent; 'answered': once it is connected and
 * the agent's; 'manual': never by itself. A call the agent dialled rings at the other end and
 * is not theirs to take, so it never pops on ringing.
 */
export function shouldPopNow({ screenPop, session, isAgents, popped }: PopQuestion): boolean {
  if (screenPop.url === '' || screenPop.when === 'manual') return false;
  if (!isAgents || popped.has(session.id)) return false;
  const phase = sessionPhase(session);
  if (screenPop.when === 'ringing') return phase === 'ringing' && !isOutgoing(session);
  return phase === 'connected';
}

/** The calls of one listing to pop now, in the listing's order. */
export function screenPopsDue(
  sessions: readonly Session[],
  screenPop: ScreenPopSettings,
  isAgents: (session: Session) => boolean,
  popped: Pick<PoppedCalls, 'has'>,
): Session[] {
  return sessions.filter((session) =>
    shouldPopNow({ screenPop, session, isAgents: isAgents(session), popped }),
  );
}

/** Settings' Test button fills the template with this call, so the agent sees every value. */
export const sampleSession: Session = {
  id: 'sample-session-id',
  callState: 'Ringing',
  queueState: 'Ringing',
  direction: 'Incoming',
  fromAddress: '+1 (503) 555-0100',
  fromName: 'Jane Doe',
  toAddress: '+15035550199',
  endpointName: 'Support line',
  customerName: 'Acme & Co',
  customerId: 'sample-customer-id',
  accountId: 'sample-account-id',
  callSid: 'CA00000000000000000000000000000000',
  ringQueueId: 'sample-ring-queue',
};
