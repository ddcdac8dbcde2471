// While you were away, the adapter: after a poll, when the app was not watching for a while
// (it was closed, asleep, offline, or this is its first poll since it started), reads the
// call history back to the last time it watched and reports the missed calls in between, as
// `missed` events with `whileAway: true`. Remembers what it reported in the away ledger.
import { EvoApiError, isEvoApiError } from '../evo/api.js';
import type { Session } from '../boundary/session.js';
import { silentLogger, type Logger } from '../log.js';
import { backoffDelay } from '../watch/backoff.js';
import { sentence } from '../boundary/sentence.js';
import { isStateFileRefused } from '../watch/ledger-files.js';
import { describeMissed } from '../watch/describe.js';
import type { SessionEvent } from '../watch/events.js';
import type { FollowContext, PollFollower } from '../watch/follower.js';
import {
  emptyAwayLedger,
  loadAwayLedger,
  pruneAwayLedger,
  saveAwayLedger,
  type AwayLedger,
} from './away-ledger.js';
import type { HistoryApi } from '../evo/history-page.js';
import { readHistoryBack } from './history.js';
import { AWAY_GAP_MS, awayWindow, missedWhileAway } from './reconcile.js';

export interface AwayCheckOptions {
  api: HistoryApi;
  /** The ledger directory (the call ledger's); without it, the absence is remembered in RAM. */
  stateDir?: string;
  log?: Logger;
  random?: () => number;
  /** After the missed calls of one absence were delivered (one summary card in the app). */
  onReport?: (missed: readonly SessionEvent[]) => void;
}

/** "Last watched at" is written at most this often while nothing else changes. */
const WATCHED_SAVE_MS = 30_000;
/** A failed history read is tried again after a backoff from this, up to the cap. */
const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

/** A failure that is not the client's (a bug, an answer too odd to read), in its terms. */
function unreadable(error: unknown): EvoApiError {
  const what = error instanceof Error ? error.name : typeof error;
  return new EvoApiError(
    'bad-response',
    `Evo Voice answered the call history in a way this app cannot read (${what}).`,
  );
}

export function createAwayCheck(options: AwayCheckOptions): PollFollower {
  const log = options.log ?? silentLogger;
  const random = options.random ?? Math.random;
  let ledger: AwayLedger = emptyAwayLedger();
  let loaded = false;
  let firstPoll = true;
  let savedAt = Number.NEGATIVE_INFINITY;
  let dirty = false;
  let failures = 0;
  let retryAt = 0;
  /** The account may not read its history (403): asked no more in this run. */
  let forbidden = false;
  /** The away ledger's path was not a regular file: said once, then kept in RAM only. */
  let refused = false;

  async function load(): Promise<void> {
    if (loaded || options.stateDir === undefined) return;
    const read = await loadAwayLedger(options.stateDir);
    if (read.warning) log.warn(read.warning);
    ledger = read.ledger;
    refused = read.refused === true;
    loaded = true;
  }

  async function save(now: number, force: boolean): Promise<void> {
    if (options.stateDir === undefined || refused) return;
    if (!force && !dirty && now - savedAt < WATCHED_SAVE_MS) return;
    ledger = pruneAwayLedger(ledger, now);
    try {
      await saveAwayLedger(options.stateDir, ledger);
    } catch (e) {
      if (!isStateFileRefused(e)) throw e;
      refused = true;
      log.warn(
        `${e.message}. Missed calls while away are remembered in memory only, for this run.`,
      );
      return;
    }
    savedAt = now;
    dirty = false;
  }

  /** Where the unread absence starts, or null when there is none. */
  function absenceFrom(now: number): number | null {
    if (ledger.unreadFrom !== null) return ledger.unreadFrom;
    const last = ledger.watchedAt;
    if (last === null) return null; // never watched before: there is nothing to go back to
    return firstPoll || now - last > AWAY_GAP_MS ? last : null;
  }

  async function readBack(context: FollowContext, from: number): Promise<void> {
    const window = awayWindow(from, context.now);
    let history: Session[];
    try {
      history = await readHistoryBack(
        (page, count) => context.call((signal) => options.api.getCallHistory(page, count, signal)),
        window.from,
      );
    } catch (e) {
      // Whatever failed (an answer this app could not read too) waits its backoff like a
      // failed request: thrown, it would be tried again at every poll.
      return failed(isEvoApiError(e) ? e : unreadable(e), context.now);
    }
    const reported = new Set(Object.keys(ledger.reported));
    const missed = missedWhileAway(history, window, reported, context.knownIds());
    const events = missed.map((session): SessionEvent => {
      ledger.reported[session.id] = context.now;
      return {
        event: 'missed',
        at: new Date(context.now).toISOString(),
        ...describeMissed(session),
        sessionId: session.id,
        session,
        whileAway: true,
      };
    });
    ledger.unreadFrom = null;
    failures = 0;
    dirty = true;
    // Saved before telling: a crash now loses a report rather than repeating one.
    await save(context.now, true);
    if (events.length > 0) log.info(`While you were away: ${events.length} missed.`);
    events.forEach((event) => context.deliver(event));
    if (events.length > 0) options.onReport?.(events);
  }

  function failed(error: EvoApiError, now: number): void {
    if (error.kind === 'forbidden') {
      // One line, once: an account without the right to its history is not the agent's problem.
      log.info(
        `The call history is not open to this account (403): missed calls while away are not read.`,
      );
      forbidden = true;
      ledger.unreadFrom = null;
      dirty = true;
      return;
    }
    if (error.kind === 'cancelled') return;
    failures += 1;
    const wait = backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS, random, error.retryAfterMs);
    retryAt = now + wait;
    log.warn(
      `Could not read the call history (${error.kind}): ${sentence(error.message)} Trying again in ${Math.round(wait / 1000)} s.`,
    );
  }

  return {
    async afterPoll(context) {
      await load();
      const from = forbidden ? null : absenceFrom(context.now);
      firstPoll = false;
      if (from !== null) {
        if (ledger.unreadFrom !== from) {
          // Remembered before reading: an absence cut short by a crash is read after restart.
          ledger.unreadFrom = from;
          dirty = true;
          await save(context.now, true);
        }
        if (context.now >= retryAt) await readBack(context, from);
      }
      ledger.watchedAt = context.now;
      await save(context.now, false);
    },
    async stop() {
      if (ledger.watchedAt !== null) await save(ledger.watchedAt, true);
    },
  };
}
