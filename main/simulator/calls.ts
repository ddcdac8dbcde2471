// The simulator's calls in memory: who sees which call, and each call's current fields.
// The field changes themselves are the pure functions of transitions.ts.
import type { Session } from '../boundary/session.js';
import { endpointIdOf, fullName, generateCall, hex, sessionId } from './people.js';
import type { Agent } from './transitions.js';
import {
  answered,
  answeredElsewhere,
  declined,
  ended,
  held,
  missed,
  queued,
  redirected,
  resumed,
  ringing,
} from './transitions.js';
import type { SimCalls, SimUser } from './types.js';

export interface CallsOptions {
  users: readonly SimUser[];
  random: () => number;
  now: () => number;
  /** The simulator's URL, for avatar pictures. */
  baseUrl: string;
  /** A call was missed by this agent (username). */
  onMissed?: (agent: string) => void;
}

interface StoredCall {
  session: Session;
  /** The username whose `/sessions/my` lists it. */
  agent: string;
  listed: boolean;
  archived: boolean;
  /** Users who declined it: it does not ring them again. */
  declinedBy: string[];
}

export function createCalls(options: CallsOptions): SimCalls {
  const { users, random, now, baseUrl } = options;
  const calls = new Map<string, StoredCall>();
  const colleagueIds = new Map<string, string>();

  const isoNow = (): string => new Date(now()).toISOString();

  function userFor(username: string | undefined): SimUser {
    const first = users[0];
    if (first === undefined) throw new Error('The simulator has no users');
    if (username === undefined) return first;
    const user = users.find((u) => u.username.toLowerCase() === username.toLowerCase());
    if (user === undefined) {
      const known = users.map((u) => u.username).join(', ');
      throw new Error(`Unknown agent "${username}": the simulator's users are ${known}`);
    }
    return user;
  }

  function agentOf(call: StoredCall): Agent {
    const user = userFor(call.agent);
    return { id: user.id, name: fullName(user), endpointId: endpointIdOf(user) };
  }

  function stored(id: string): StoredCall {
    const call = calls.get(id);
    if (call === undefined || call.archived) throw new Error(`No call with id "${id}"`);
    return call;
  }

  function apply(id: string, next: (session: Session, call: StoredCall) => Session): void {
    const call = stored(id);
    call.session = next(call.session, call);
  }

  /** A colleague keeps the same id across calls, as a real user would. */
  function colleague(name: string): Agent {
    let id = colleagueIds.get(name);
    if (id === undefined) {
      id = `usr-${hex(random, 8)}`;
      colleagueIds.set(name, id);
    }
    return { id, name };
  }

  return {
    arrive(call = {}) {
      const { agent: username, queued: startsQueued, id: givenId, ...fields } = call;
      const user = userFor(username);
      const id = givenId ?? sessionId(random);
      if (calls.has(id)) throw new Error(`A call with id "${id}" already exists`);
      const at = isoNow();
      const fresh = generateCall({ random, at, agent: user, baseUrl }, id);
      const started = startsQueued
        ? queued(fresh, at, fresh.endpointName ?? 'the queue')
        : ringing(fresh, at, { id: user.id, name: fullName(user) });
      const session: Session = { ...started, ...fields, id };
      calls.set(id, {
        session,
        agent: user.username,
        listed: true,
        archived: false,
        declinedBy: [],
      });
      return structuredClone(session);
    },
    ring: (id) => apply(id, (s, call) => ringing(s, isoNow(), agentOf(call))),
    answer: (id) => apply(id, (s, call) => answered(s, isoNow(), agentOf(call))),
    hold: (id, holdQueueName, heldByUserId) =>
      apply(id, (s, call) =>
        held(s, isoNow(), {
          queueName: holdQueueName,
          byUserId: heldByUserId ?? agentOf(call).id,
          transferring: false,
        }),
      ),
    transfer: (id, holdQueueName) =>
      apply(id, (s, call) =>
        held(s, isoNow(), {
          queueName: holdQueueName,
          byUserId: agentOf(call).id,
          transferring: true,
        }),
      ),
    resume: (id) => apply(id, (s, call) => resumed(s, isoNow(), agentOf(call))),
    end: (id) => apply(id, (s) => ended(s, isoNow())),
    miss(id) {
      apply(id, (s) => missed(s, isoNow()));
      options.onMissed?.(stored(id).agent);
    },
    answerElsewhere(id, byName) {
      apply(id, (s) => answeredElsewhere(s, isoNow(), colleague(byName)));
      stored(id).listed = false;
    },
    decline(id) {
      const call = stored(id);
      const by = agentOf(call);
      call.declinedBy.push(call.agent);
      const next = users.find((u) => !call.declinedBy.includes(u.username));
      const back = declined(call.session, isoNow(), by);
      if (next === undefined) {
        call.session = missed(back, isoNow());
        call.listed = false;
        return;
      }
      call.agent = next.username;
      call.session = ringing(back, isoNow(), { id: next.id, name: fullName(next) });
    },
    redirect(id, destination) {
      const call = stored(id);
      call.session = redirected(call.session, isoNow(), agentOf(call), destination);
      call.listed = false;
    },
    agentOf(id) {
      const call = calls.get(id);
      return call === undefined || call.archived || !call.listed ? undefined : call.agent;
    },
    remove(id) {
      stored(id).listed = false;
    },
    archive(id) {
      const call = stored(id);
      call.listed = false;
      call.archived = true;
    },
    update(id, patch) {
      apply(id, (s) => ({ ...s, ...patch, id, dateLastModified: isoNow() }));
    },
    get(id) {
      const call = calls.get(id);
      return call === undefined || call.archived ? undefined : structuredClone(call.session);
    },
    history(agent) {
      const username = userFor(agent).username;
      return [...calls.values()]
        .filter((call) => !call.archived && call.agent === username)
        .map((call) => structuredClone(call.session));
    },
    listFor(agent) {
      const username = userFor(agent).username;
      return [...calls.values()]
        .filter((call) => call.listed && call.agent === username)
        .map((call) => structuredClone(call.session));
    },
  };
}
