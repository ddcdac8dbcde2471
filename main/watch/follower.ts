// What may follow a poll: capabilities that ask Evo Voice more than the live calls (the call
// history after an absence, the agent's state) run here, one at a time after the listing and
// before the next poll, so the watcher still has one request in flight at a time.
import type { WatchEvent } from './events.js';

export interface FollowContext {
  /** When the poll's listing was answered (epoch ms). */
  now: number;
  /** Every call id the live engine knows: it reports those calls itself. */
  knownIds(): ReadonlySet<string>;
  /** What this poll told the agent. */
  events: readonly WatchEvent[];
  /** Runs a request signed in again once after a 401; given up at once when the watcher stops. */
  call<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Tells the agent, as the engine's own events are told. */
  deliver(event: WatchEvent): void;
}

export interface PollFollower {
  /** After each poll that listed the calls. A throw is logged; the watch goes on. */
  afterPoll(context: FollowContext): Promise<void>;
  /** At stop, after the last poll: save what must survive a restart. */
  stop?(): Promise<void>;
}
