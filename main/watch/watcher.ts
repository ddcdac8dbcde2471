// The glue of the engine: poll → decide → lookups → ledger → events. The decisions are
// decide()'s; this module only performs them, in order, one poll at a time.
import type { Translate } from '../boundary/i18n/index.js';
import { failureInLanguage, inLanguage } from './describe.js';
import type { EvoApi, EvoApiError } from '../evo/api.js';
import type { AgentProfile, Session } from '../boundary/session.js';
import { silentLogger, type Logger } from '../log.js';
import { systemClock, type Clock } from './clock.js';
import {
  decide,
  emptyMemory,
  pendingLookups,
  type Observation,
  type WatchMemory,
} from './decide.js';
import type { WatchEvent, WatchTiming } from './events.js';
import { sentence } from '../boundary/sentence.js';
import { backsOff, failureStatusOf } from './failure.js';
import type { PollFollower } from './follower.js';
import { createLedgerWriter } from './ledger-writer.js';
import { createPoller, type PollOutcome } from './poller.js';
import { baseIntervalMs, wakeDelayMs, withJitter } from './poll-interval.js';
import { createAlertLatency, type Listing } from './alert-latency.js';
import { createSessionGuard } from './session-guard.js';
import { lookUp, toApiError } from './lookup.js';
import { errorMessage } from '../boundary/errors.js';

export type PollResult = { at: number; sessions: Session[] } | { at: number; error: EvoApiError };

export interface WatcherOptions {
  /** Already signed in by the caller. */
  api: EvoApi;
  server: string;
  username: string;
  /** The stored password for a silent re-sign-in after a 401, or null. */
  password: () => Promise<string | null>;
  timing: WatchTiming;
  clock?: Clock;
  random?: () => number;
  /** When the screen locked (epoch ms on `clock`), or null; polling slows after a while locked. */
  lockedSince?: () => number | null;
  /** The ledger directory; without it the memory lives in RAM only. */
  stateDir?: string;
  log?: Logger;
  onEvent: (event: WatchEvent) => void;
  /** The agent's language now: each event's title and body are said in it (default English). */
  translate?: () => Translate;
  onPoll?: (result: PollResult) => void;
  /** Asked after each listing, in order (the call history, the agent's state). */
  followers?: readonly PollFollower[];
  /** After a silent re-sign-in. */
  onSignedIn?: (profile: AgentProfile) => void;
  /** The stored password was refused at a re-sign-in (the app remembers it across starts). */
  onPasswordRejected?: () => void;
}

export interface Watcher {
  start(): Promise<void>;
  /** Gives up on the request in flight at once, waits for the loop, then saves the ledger. */
  stop(): Promise<void>;
  pause(): void;
  resume(): void;
  pollNow(): void;
  /** Back from sleep or unlocked: resumes, and polls within WAKE_JITTER_MS. */
  wake(): void;
  setTiming(timing: WatchTiming): void;
  /**
   * Runs one of the agent's own requests (a call action) on the watcher's session: after a
   * 401, one silent sign-in and the request once more (a 401 means it was not performed).
   */
  signedIn<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Why a poll could not list the sessions, as the engine sees it. */
type Failure = Extract<Observation, { kind: 'failure' }>;

export function createWatcher(options: WatcherOptions): Watcher {
  const { api, stateDir, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  let timing = options.timing;
  let memory: WatchMemory = emptyMemory();
  let loaded = false;
  /** Aborted by stop(): a request in flight gives up at once instead of at its deadline. */
  let stopping = new AbortController();
  const ledger = stateDir === undefined ? null : createLedgerWriter(stateDir, clock, log);
  const random = options.random ?? Math.random;
  /** The calls of the last listing: while one rings or is queued, polling is fast. */
  let lastSessions: readonly Session[] = [];
  const latency = createAlertLatency(timing.pollIntervalMs);
  const guard = createSessionGuard({
    api,
    server: options.server,
    username: options.username,
    password: options.password,
    log,
    signal: () => stopping.signal,
    onSignedIn: (profile) => tell('onSignedIn', () => options.onSignedIn?.(profile)),
    onPasswordRejected: () => tell('onPasswordRejected', () => options.onPasswordRejected?.()),
  });
  const { authenticated } = guard;

  const poller = createPoller({
    clock,
    random,
    intervalMs: timing.pollIntervalMs,
    nextIntervalMs,
    poll: pollOnce,
  });

  /** The interval rule (main/watch/poll-interval.ts) decides; the poller waits. */
  function nextIntervalMs(): number {
    const intervalMs = baseIntervalMs({
      sessions: lastSessions,
      normalMs: timing.pollIntervalMs,
      ringingMs: timing.ringingIntervalMs,
      lockedSince: options.lockedSince?.() ?? null,
      now: clock.now(),
    });
    latency.scheduled(intervalMs);
    return withJitter(intervalMs, random);
  }

  async function pollOnce(): Promise<PollOutcome> {
    try {
      let sessions: Session[];
      let sentAt = clock.now();
      try {
        sessions = await authenticated(() => {
          sentAt = clock.now();
          return api.getMySessions(stopping.signal);
        });
      } catch (e) {
        // Stopped mid-request: nothing went wrong, and nothing is left to tell.
        if (stopping.signal.aborted) return { ok: false };
        return await fail(toApiError(e));
      }
      const receivedAt = clock.now();
      const listing = latency.listed(sentAt, receivedAt, api.lastListingDate?.());
      // The same calls in a new order are visited in their earlier one (see Observation).
      const earlierOrder = api.lastListingEarlierOrder?.() ?? undefined;
      told = [];
      // The listing reaches the app with its events, both once the ledger is written: the agent
      // cannot act on a call (resume a hold) between seeing it and its alert.
      const onPoll = () => tell('onPoll', () => options.onPoll?.({ at: receivedAt, sessions }));
      await observe({ kind: 'sessions', sessions, earlierOrder }, listing, onPoll);
      lastSessions = sessions;
      latency.seen(earlierOrder ?? sessions, receivedAt);
      await follow(receivedAt, told);
      return { ok: true };
    } catch (e) {
      // A bug, not a network problem: say so, and let the poller back off.
      log.error(`The watch loop failed: ${errorMessage(e)}`);
      return { ok: false };
    }
  }

  /** The poll's latest failure: the connection event it causes is worded from it. */
  let lastFailure: EvoApiError | undefined;

  async function fail(error: EvoApiError): Promise<PollOutcome> {
    tell('onPoll', () => options.onPoll?.({ at: clock.now(), error }));
    lastFailure = error;
    const failure = failureOf(error);
    if (failure.status === 'signed-out') {
      // A rejected password is never retried: the platform can lock the account.
      log.error(`Signed out: ${sentence(error.message)} Polling stopped.`);
      void poller.stop();
    } else {
      log.warn(`Poll failed (${error.kind}): ${sentence(error.message)}`);
    }
    await observe(failure);
    return { ok: false, retryAfterMs: error.retryAfterMs, backOff: backsOff(failure.status) };
  }

  /**
   * Decides and delivers the events. After a listing, asks every lookup still pending (the
   * engine's new ones, and ones a passing error left open) and decides on each answer.
   */
  async function observe(
    observation: Observation,
    listing?: Listing,
    beforeEvents?: () => void,
  ): Promise<void> {
    await apply(observation, listing, beforeEvents);
    if (observation.kind !== 'sessions') return;
    for (const sessionId of pendingLookups(memory)) {
      if (stopping.signal.aborted) return; // still pending in the ledger: asked after a restart
      const result = await lookUp(sessionId, { api, guard, signal: stopping.signal, log });
      if (result !== 'ask-again') await apply({ kind: 'lookup', sessionId, result });
    }
  }

  /**
   * Recorded, then told: the ledger is on disk (fsynced, renamed) before an event leaves, so
   * `watch` killed with -9 at any moment, or the app at a power cut, never alerts twice; the
   * price is that a kill between the two loses that one alert.
   */
  async function apply(
    observation: Observation,
    listing?: Listing,
    beforeEvents?: () => void,
  ): Promise<void> {
    const decision = decide(memory, observation, clock.now(), timing);
    memory = decision.memory;
    if (decision.events.length > 0) await ledger?.save(memory);
    else void ledger?.save(memory);
    beforeEvents?.();
    decision.events.map((e) => latency.withLatency(e, listing)).forEach(deliver);
  }

  /** The events of the poll under way, for the followers. */
  let told: WatchEvent[] = [];

  async function follow(at: number, events: readonly WatchEvent[]): Promise<void> {
    for (const follower of options.followers ?? []) {
      if (stopping.signal.aborted) return;
      try {
        await follower.afterPoll({
          now: at,
          events,
          knownIds: () =>
            new Set([...Object.keys(memory.sessions), ...memory.ended.map((e) => e.id)]),
          call: (request) => authenticated(() => request(stopping.signal)),
          deliver,
        });
      } catch (e) {
        if (!stopping.signal.aborted) log.warn(`After the poll: ${errorMessage(e)}`);
      }
    }
  }

  function deliver(event: WatchEvent): void {
    told.push(event);
    const { translate } = options;
    // A failure's words come from the error itself (its kind, host, status), not its English.
    const worded =
      translate === undefined
        ? event
        : event.event === 'connection' && event.status !== 'online' && lastFailure !== undefined
          ? failureInLanguage(event, lastFailure, translate())
          : inLanguage(event, translate());
    tell(`onEvent (${event.event})`, () => onEvent(worded));
  }

  /** A listener's exception is logged; it never breaks the loop. */
  function tell(listener: string, call: () => void): void {
    try {
      call();
    } catch (e) {
      log.error(`The ${listener} listener failed: ${errorMessage(e)}`);
    }
  }

  return {
    async start() {
      if (poller.running) return;
      if (ledger && !loaded) {
        memory = await ledger.load();
      }
      loaded = true;
      if (stopping.signal.aborted) stopping = new AbortController();
      poller.start();
    },
    async stop() {
      stopping.abort();
      await poller.stop();
      await ledger?.flush(memory);
      for (const follower of options.followers ?? []) {
        try {
          await follower.stop?.();
        } catch (e) {
          log.warn(`Stopping: ${errorMessage(e)}`);
        }
      }
    },
    pause: () => poller.pause(),
    resume: () => poller.resume(),
    pollNow: () => poller.pollNow(),
    wake: () => poller.wake(wakeDelayMs(random)),
    signedIn: (request) => authenticated(() => request(stopping.signal)),
    setTiming(next) {
      timing = next;
      poller.setIntervalMs(next.pollIntervalMs);
    },
  };
}

function failureOf(error: EvoApiError): Failure {
  return { kind: 'failure', status: failureStatusOf(error), detail: error.message };
}
