// One size of the poll cycle: each step alone, and the whole poll through the real client
// against a prebuilt body, with JSON.parse of the same body measured in the same rounds.
import { createEvoClient, type EvoClient } from '../main/evo/client.js';
import { normalizeSessions } from '../main/evo/normalize.js';
import type { Session } from '../main/boundary/session.js';
import { DEFAULT_SETTINGS, type AppState } from '../main/boundary/contract.js';
import { initialAppState, withAccount, withPoll } from '../main/app/app-state.js';
import { trayMenu } from '../main/app/tray-menu.js';
import { decide, emptyMemory, type WatchMemory } from '../main/watch/decide.js';
import { DEFAULT_TIMING } from '../main/watch/events.js';
import { sameTrimmed, sessionTable } from '../main/watch/tracked.js';
import { emptyCaches, interleaved } from './measure.js';
import type { BodyServer } from './server.js';
import { bodyOf, newRingingCall, realisticSessions } from '../harness/realistic-calls.js';

/** What the bench asks of the client: past any cap under test, so the cycle is measured. */
const BENCH_MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface CycleResult {
  sessions: number;
  bodyBytes: number;
  /** Median milliseconds by step. */
  ms: Record<string, number>;
  /** Median milliseconds of the collector's pauses inside each step. */
  gcMs: Record<string, number>;
}

/**
 * Medians of each step for `count` sessions. With `coldCaches`, the CPU caches are emptied
 * before each step (see emptyCaches), for the like-for-like figure of linearity.
 */
export async function measureCycle(
  server: BodyServer,
  count: number,
  rounds: number,
  coldCaches = false,
): Promise<CycleResult> {
  const sessions = realisticSessions(count);
  const body = bodyOf(sessions);
  const encoded = Buffer.from(body);
  const ringBody = Buffer.from(bodyOf([...sessions, newRingingCall()]));
  // Each client remembers its last answer, as the app's one does: "steady" is always answered
  // the same list; "ring" alternates, so each timed ring poll follows a poll of the list
  // without the new call, as in life.
  await server.serve({ steady: [encoded], ring: [encoded, ringBody] });
  const steadyClient = await benchClient(server, 'steady');
  const ringClient = await benchClient(server, 'ring');
  const cycle = steadyCycle(body, server.url);
  const round: Round = { raw: null, list: [], polled: cycle.state, same: 0 };
  const times = await interleaved(
    rounds,
    { ...stepsAlone(cycle, round), ...wholePolls(cycle, round, steadyClient, ringClient) },
    coldCaches ? emptyCaches : undefined,
  );
  if (round.same === 0) {
    throw new Error('No call compared equal to what was remembered: a broken bench.');
  }
  await steadyClient.signOut();
  await ringClient.signOut();
  const kept = (byStep: Record<string, number>) =>
    Object.fromEntries(Object.entries(byStep).filter(([key]) => !key.startsWith('_')));
  return {
    sessions: count,
    bodyBytes: Buffer.byteLength(body),
    ms: kept(times.ms),
    gcMs: kept(times.gcMs),
  };
}

const decideOn = (memory: WatchMemory, list: Session[], now: number) =>
  decide(memory, { kind: 'sessions', sessions: list }, now, DEFAULT_TIMING).memory;

/** What every round starts from: the body, a steady memory, the app's state before the poll. */
interface Cycle {
  body: string;
  start: number;
  now: number;
  steady: WatchMemory;
  ring: Session;
  state: AppState;
}

/** What the steps of one round hand each other. */
interface Round {
  raw: unknown;
  list: Session[];
  polled: AppState;
  /** Calls found equal to what was remembered: none means the bench compares nothing. */
  same: number;
}

/** A memory in its steady state: two polls of the list, within the minute of the next one. */
function steadyCycle(body: string, serverUrl: string): Cycle {
  const start = Math.floor(Date.parse('2026-11-26T09:00:00Z') / 60_000) * 60_000 + 1000;
  const fresh = () => normalizeSessions(JSON.parse(body));
  const steady = decideOn(decideOn(emptyMemory(), fresh(), start), fresh(), start + 3000);
  const now = start + 6000;
  const signedIn = withAccount(initialAppState(DEFAULT_SETTINGS, 'available'), {
    status: 'signed-in',
    server: serverUrl,
    user: { name: 'Bench Agent' },
  });
  const state = withPoll(signedIn, now - 3000, fresh());
  return { body, start, now, steady, ring: newRingingCall(), state };
}

/**
 * Each step of a poll on its own. New objects each round, as every poll brings: nothing may be
 * reused by identity. Each decision takes the index cached beside the tables it is given and
 * hands it on to the tables it makes; as the steps all start from `steady`, an untimed decision
 * first gives it back, as the poll before would have.
 */
function stepsAlone(c: Cycle, r: Round): Record<string, () => unknown> {
  const { body, start, now, steady, ring, state } = c;
  const index = () => decideOn(steady, r.list, now);
  return {
    parse: () => JSON.parse(body),
    _raw: () => {
      r.raw = JSON.parse(body);
    },
    normalize: () => {
      r.list = normalizeSessions(r.raw);
    },
    _index1: index,
    decideSteady: () => decideOn(steady, r.list, now),
    _index2: index,
    decideRing: () => decideOn(steady, [...r.list, ring], now),
    _index3: index,
    decideNewMinute: () => decideOn(steady, r.list, start + 60_000),
    // What the first poll of a minute must do at the least: a new table of every call by id
    // (the memory is immutable, and each call's minute of last sight is in it).
    tableOfCalls: () => {
      const table = sessionTable();
      for (const s of r.list) {
        const t = steady.sessions[s.id];
        if (t !== undefined) table[s.id] = t;
      }
    },
    // What decide does for each unchanged call: find what it remembers of it and compare
    // the fields its rules read. Freshly parsed strings are compared by content.
    compareRemembered: () => {
      for (const s of r.list) {
        const t = steady.sessions[s.id];
        if (t !== undefined && sameTrimmed(t.session, s)) r.same++;
      }
    },
    appState: () => {
      r.polled = withPoll(state, now, r.list);
    },
    trayMenu: () => trayMenu(r.polled, now),
  };
}

/** The whole poll through the real client, then decide; each after the poll it follows in life. */
function wholePolls(
  c: Cycle,
  r: Round,
  steadyClient: EvoClient,
  ringClient: EvoClient,
): Record<string, () => unknown> {
  const { steady, now } = c;
  return {
    _index4: () => decideOn(steady, r.list, now),
    wholeSteady: async () => {
      decideOn(steady, await steadyClient.getMySessions(), now);
    },
    _ringBefore: () => ringClient.getMySessions(),
    _index5: () => decideOn(steady, r.list, now),
    wholeRing: async () => {
      decideOn(steady, await ringClient.getMySessions(), now);
    },
  };
}

async function benchClient(server: BodyServer, user: string) {
  const client = createEvoClient({ maxBodyBytes: BENCH_MAX_BODY_BYTES });
  await client.signIn(server.url, user, 'bench-password');
  return client;
}

/** Whether the client as the app builds it (its default body cap) reads this many sessions. */
export async function defaultClientReads(server: BodyServer, count: number): Promise<string> {
  await server.serve({ default: [Buffer.from(bodyOf(realisticSessions(count)))] });
  const client = createEvoClient();
  await client.signIn(server.url, 'default', 'bench-password');
  try {
    const listed = await client.getMySessions();
    return listed.length === count ? 'read' : `read ${listed.length} of ${count}`;
  } catch (e) {
    return `refused: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await client.signOut();
  }
}
