// Realistic `GET /sessions/my` answers, for the bench and the window tests: every field the reference page
// lists, 2.3 members and 4 log entries per call on average (about 2.3 KB each), in the mix
// of states a busy call center shows. Deterministic: the same size gives the same body.
import type { Session, SessionMember } from '../main/boundary/session.js';
import { DEMO_USERS, generateCall, seededRandom as seeded } from '../main/simulator/people.js';

const BASE = Date.parse('2026-11-26T09:00:00Z');

/** A colleague the call was transferred to (three calls in ten have one). */
function transferMember(i: number, random: () => number): SessionMember {
  return {
    identity: `client:usr-transfer-${i % 17}`,
    endpointId: `ep-user-transfer-${i % 17}`,
    displayName: 'Sam Colleague',
    isOriginalMember: false,
    avatarUrl: `https://evovoice.io/avatars/transfer-${i % 17}.svg`,
    applicationData: { queue: 'Transfers' },
    callState: 'Connected',
    role: 'Transfer',
    callSid: `CA${(i * 7919).toString(16).padStart(32, '0')}`,
    muted: random() < 0.1,
  };
}

/** One in ten ringing, one in ten queued, 15 % held, the rest connected. */
function withState(s: Session, i: number, random: () => number): Session {
  const agent = DEMO_USERS[i % DEMO_USERS.length] ?? DEMO_USERS[0];
  const at = (offsetS: number) => new Date(BASE + i * 1000 + offsetS * 1000).toISOString();
  const roll = random();
  const state = roll < 0.1 ? 'ringing' : roll < 0.2 ? 'queued' : roll < 0.35 ? 'held' : 'connected';
  const answered = state === 'held' || state === 'connected';
  const members = [...(s.members ?? [])];
  if (random() < 0.3) members.push(transferMember(i, random));
  const log = [
    ...(s.log ?? []),
    { date: at(2), message: `Queued in ${s.endpointName ?? 'Support'} (position ${(i % 9) + 1})` },
    { date: at(9), message: `Ringing ${agent?.firstName ?? 'agent'} on their desktop app` },
    { date: at(14), message: answered ? 'Answered by the agent' : 'Still waiting for an agent' },
  ];
  return {
    ...s,
    callState:
      state === 'ringing'
        ? 'Ringing'
        : state === 'held'
          ? 'Hold'
          : state === 'connected'
            ? 'Connected'
            : 'Passive',
    queueState: state === 'queued' ? 'Queued' : state === 'ringing' ? 'Ringing' : 'Connected',
    answeredByName: answered ? `${agent?.firstName} ${agent?.lastName}` : '',
    answeredById: answered ? `ep-user-${agent?.id}` : '',
    holdQueueName: state === 'held' ? 'Sales Hold' : '',
    heldByUserId: state === 'held' ? (agent?.id ?? '') : '',
    holdReason: state === 'held' && random() < 0.2 ? 'Transferring' : 'None',
    outcome: '',
    dateCompleted: '',
    callbackNumber: s.fromAddress ?? '',
    consoleData: JSON.stringify({
      crm: { ticket: `T-${100000 + i}`, priority: i % 3, tags: ['vip', 'renewal'] },
    }),
    members,
    log,
  };
}

/** `count` live calls, ids `call-0`…; the same count always gives the same calls. */
export function realisticSessions(count: number): Session[] {
  const random = seeded(count * 31 + 7);
  const agent = DEMO_USERS[0];
  if (agent === undefined) throw new Error('the simulator has no demo user');
  return Array.from({ length: count }, (_, i) =>
    withState(
      generateCall(
        {
          random,
          at: new Date(BASE + i * 1000).toISOString(),
          agent,
          baseUrl: 'https://evovoice.io',
        },
        `call-${i.toString(36)}-${(i * 2654435761) >>> 0}`,
      ),
      i,
      random,
    ),
  );
}

/** A call that just started ringing, not among realisticSessions(count). */
export function newRingingCall(): Session {
  const [s] = realisticSessions(1);
  if (s === undefined) throw new Error('no session');
  return {
    ...s,
    id: 'call-new-ring',
    callState: 'Ringing',
    queueState: 'Ringing',
    answeredByName: '',
    answeredById: '',
  };
}

/** The body as the server sends it. */
export function bodyOf(sessions: readonly Session[]): string {
  return JSON.stringify({ sessions });
}
