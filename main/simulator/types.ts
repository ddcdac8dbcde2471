// The contract of the Evo Voice simulator: a real HTTP server (node:http) speaking the same API,
// for tests, the demo mode and benchmarks. The implementation lives beside this file.
import type { Session } from '../boundary/session.js';

export interface SimUser {
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  avatarUrl?: string;
  /**
   * The user's own endpoint (`/app/config`'s `endpointId`, the agent member's, and what
   * `answeredById` names when they answer). Defaults to the user id; a real account's differs.
   */
  endpointId?: string;
  /** ServiceStack roles; default User and Agent. Without User the session routes answer 403. */
  roles?: string[];
}

export interface SimulatorOptions {
  /** 0 (default) picks an ephemeral port. Always binds 127.0.0.1. */
  port?: number;
  /** Defaults to DEMO_USERS. */
  users?: SimUser[];
  /** camelCase JSON (default, as the API sends it) or PascalCase (to prove client tolerance). */
  casing?: 'camel' | 'pascal';
  /** Source of `now` for dates the simulator writes; defaults to Date.now. */
  now?: () => number;
  /** Seeded randomness for realistic data; defaults to a fixed seed so runs repeat. */
  random?: () => number;
}

/** What a new call may start with; anything not given gets realistic generated data. */
export type NewCall = Partial<Omit<Session, 'id'>> & {
  /** The agent (username) whose `/sessions/my` lists it; defaults to the first user. */
  agent?: string;
  /** Start Queued instead of Ringing. */
  queued?: boolean;
  id?: string;
};

export interface SimCalls {
  /** A new call for an agent, ringing (or queued). Returns the session as stored. */
  arrive(call?: NewCall): Session;
  /** Queued → Ringing. */
  ring(id: string): void;
  /** → Connected, answered by this agent. */
  answer(id: string): void;
  /** → Hold in the named hold queue (reason None). */
  hold(id: string, holdQueueName: string, heldByUserId?: string): void;
  /** → Hold with reason Transferring in the named queue. */
  transfer(id: string, holdQueueName: string): void;
  /** Hold → Connected. */
  resume(id: string): void;
  /** Ended (callState Disconnected, dateCompleted set); stays listed until removed. */
  end(id: string): void;
  /** Ended with wasMissed: true (stays listed until removed). */
  miss(id: string): void;
  /** Answered by another agent: leaves this agent's list; GET /sessions/{id} shows answeredByName/Id. */
  answerElsewhere(id: string, byName: string): void;
  /**
   * Declined by the agent it rings: it leaves their list and rings the next user who has not
   * declined it, or, when none is left, ends missed.
   */
  decline(id: string): void;
  /** Transferred to `destination`: connected there, it leaves the agent's list. */
  redirect(id: string, destination: string): void;
  /** The user (username) whose list shows the call; undefined once it left every list. */
  agentOf(id: string): string | undefined;
  /** Leaves the agent's list. */
  remove(id: string): void;
  /** Leaves the agent's list and is archived: GET /sessions/{id} answers 404. */
  archive(id: string): void;
  /** Any other change, merged into the stored session. */
  update(id: string, patch: Partial<Omit<Session, 'id'>>): void;
  get(id: string): Session | undefined;
  /** Every call of an agent, listed or not (not archived): its call history. */
  history(agent?: string): Session[];
  /** The sessions `/sessions/my` lists for an agent (default: the first user). */
  listFor(agent?: string): Session[];
}

export type FaultKind =
  | 'server-error-html' // HTTP 500 with an HTML body
  | 'malformed-json' // 200 with a body that is not JSON
  | 'hang' // accept the request, never answer (until stop())
  | 'rate-limited' // 429 with Retry-After
  | 'connection-reset'; // destroy the socket

export interface SimFaults {
  /** Every signed-in session expires: the next authenticated call answers 401. */
  expireSessions(): void;
  /** The next `count` (default 1) requests whose path starts with `pathPrefix` (default '/sessions') fail this way. */
  inject(
    kind: FaultKind,
    options?: { count?: number; retryAfterSeconds?: number; pathPrefix?: string },
  ): void;
  clear(): void;
}

export interface SimRequest {
  method: string;
  path: string;
  status: number;
  at: number;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:54321 */
  readonly url: string;
  readonly users: SimUser[];
  readonly calls: SimCalls;
  readonly faults: SimFaults;
  /** The call history, the agent's state, Not ready after a missed call (away.ts). */
  readonly away: SimAway;
  /**
   * Every request answered, oldest first (for tests: count polls, check cookies). Requests a
   * fault left unanswered (hang, connection-reset) are logged with status 0.
   */
  readonly requests: SimRequest[];
  stop(): Promise<void>;
}

/**
 * A scenario is a list of timed steps, run against a simulator with an injectable timer.
 * `ref` names a call within the scenario (the step that makes it `arrive`s it).
 */
export type ScenarioStep =
  | { atMs: number; do: 'arrive'; ref: string; call?: NewCall }
  | {
      atMs: number;
      do: 'ring' | 'answer' | 'resume' | 'end' | 'miss' | 'remove' | 'archive';
      ref: string;
    }
  | { atMs: number; do: 'hold' | 'transfer'; ref: string; holdQueueName: string }
  | { atMs: number; do: 'answer-elsewhere'; ref: string; byName: string }
  | { atMs: number; do: 'expire-sessions' }
  | {
      atMs: number;
      do: 'fault';
      fault: FaultKind;
      count?: number;
      retryAfterSeconds?: number;
      /** Defaults to '/sessions', as in SimFaults.inject. */
      pathPrefix?: string;
    };

export interface SimAgentState {
  state: string;
  reason: string;
}

export interface SimAway {
  /** The agent's state as /app/config answers it (default Ready, SetByUser). */
  agentState(agent?: string): SimAgentState;
  setAgentState(state: string, reason: string, agent?: string): void;
  /** As a call centre may be set up: a missed call sets its agent NotReady (MissedCall). */
  notReadyAfterMissedCall: boolean;
  /** The call history answers 403 (an account without the right to read it). */
  historyForbidden: boolean;
  /** A call that rang and was missed while nobody watched: it is in the history only. */
  missCall(call?: NewCall): Session;
}
