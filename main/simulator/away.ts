// The simulator's side of "while you were away" and the agent's state: the call history
// (GET /portal/call-history, paged), the app config (GET /app/config, with a fake telephony
// token that the app must never keep), each agent's state, and Not ready after a missed call.
import type { Session } from '../boundary/session.js';
import { serviceStackError } from './bodies.js';
import { endpointIdOf } from './people.js';
import type { Api, ApiRequest, Reply } from './exchange.js';
import type { SimAgentState, SimAway, SimCalls, SimUser } from './types.js';

/** The telephony access token /app/config hands out: a stand-in for a real Twilio token. */
export const SIM_TELEPHONY_TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.c2ltLXR3aWxpby12b2ljZS1ncmFudA.SIM-TELEPHONY-SECRET-7f3a9c';

export interface SimAwayInternal extends SimAway {
  /** calls.miss() tells it which agent missed a call. */
  onMissed(agent: string): void;
}

export function createSimAway(users: readonly SimUser[], calls: () => SimCalls): SimAwayInternal {
  const states = new Map<string, SimAgentState>();
  const key = (agent: string | undefined) => (agent ?? users[0]?.username ?? '').toLowerCase();
  const away: SimAwayInternal = {
    agentState: (agent) => ({
      ...(states.get(key(agent)) ?? { state: 'Ready', reason: 'SetByUser' }),
    }),
    setAgentState(state, reason, agent) {
      states.set(key(agent), { state, reason });
    },
    notReadyAfterMissedCall: false,
    historyForbidden: false,
    missCall(call) {
      const arrived = calls().arrive(call);
      calls().miss(arrived.id);
      calls().remove(arrived.id);
      return calls().get(arrived.id) ?? arrived;
    },
    onMissed(agent) {
      if (away.notReadyAfterMissedCall) away.setAgentState('NotReady', 'MissedCall', agent);
    },
  };
  return away;
}

/** Answers the away routes; false for any other request. */
export function answerAway(
  api: Api & { away: SimAway },
  request: ApiRequest,
  user: SimUser | undefined,
  reply: Reply,
): boolean {
  const path = request.path.toLowerCase().replace(/\/+$/, '');
  if (path !== '/portal/call-history' && path !== '/app/config') return false;
  if (request.method !== 'GET') {
    reply.json(
      405,
      serviceStackError('MethodNotAllowed', `${request.method} is not allowed on ${request.path}`),
    );
    return true;
  }
  if (user === undefined) {
    reply.json(401, serviceStackError('Unauthorized', 'Not Authenticated'));
    return true;
  }
  if (path === '/app/config') {
    reply.json(200, appConfig(api, user));
    return true;
  }
  if (api.away.historyForbidden) {
    reply.json(403, serviceStackError('Forbidden', 'Invalid Role'));
    return true;
  }
  reply.json(200, historyPage(api.calls.history(user.username), request.query));
  return true;
}

function appConfig(api: Api & { away: SimAway }, user: SimUser): Record<string, unknown> {
  const { state, reason } = api.away.agentState(user.username);
  return {
    endpointId: endpointIdOf(user),
    accountId: 'acc-demo',
    customerId: 'cus-demo',
    accessToken: SIM_TELEPHONY_TOKEN,
    identity: `client:${user.id}`,
    emailAddress: user.email,
    userInfo: {
      firstName: user.firstName,
      lastName: user.lastName,
      name: `${user.firstName} ${user.lastName}`,
    },
    agentState: state,
    agentStateReason: reason,
    tabs: [],
    appSettings: { enableCallHistory: true, enableDialer: true },
  };
}

/** ServiceStack's ListResponse: page from 0, countPerPage default 25, newest first unless asked. */
function historyPage(all: Session[], query: URLSearchParams): Record<string, unknown> {
  const number = (name: string, fallback: number, max: number) => {
    const value = Number.parseInt(query.get(name) ?? '', 10);
    return Number.isFinite(value) && value >= 0 ? Math.min(value, max) : fallback;
  };
  const page = number('page', 0, 10_000);
  const count = Math.max(1, number('countPerPage', 25, 1000));
  const ascending = (query.get('sortOrder') ?? '').toLowerCase() === 'ascend';
  const time = (s: Session) => Date.parse(s.dateCreated ?? '') || 0;
  const sorted = [...all].sort((a, b) => (ascending ? time(a) - time(b) : time(b) - time(a)));
  const items = sorted.slice(page * count, (page + 1) * count);
  const totalPages = Math.ceil(sorted.length / count);
  return { items, totalCount: sorted.length, totalPages, hasMorePages: page + 1 < totalPages };
}
