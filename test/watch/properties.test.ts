// Invariants of the engine over random poll histories: a small pool of ids in random states,
// random gaps, failed polls and lookup answers (asked for or not). Half the ids are names
// Object.prototype already has: the server chooses ids, and must not reach the prototype.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { decide, emptyMemory, type Observation } from '../../main/watch/decide.js';
import type { WatchEvent, WatchTiming } from '../../main/watch/events.js';
import { sessionPhase } from '../../main/boundary/session-reading.js';
import { T0 } from './decide-script.js';

const IDS = ['a', 'b', 'c', '__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/** Object.prototype and Object as they are before any history runs. */
const pristine = {
  prototype: Object.getOwnPropertyDescriptors(Object.prototype),
  object: Object.getOwnPropertyDescriptors(Object),
};

function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(pristine.prototype);
  expect(Object.getOwnPropertyDescriptors(Object)).toEqual(pristine.object);
  expect(({} as Record<string, unknown>)['awaitingAnswer']).toBeUndefined();
}

const sessionArb = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    callState: fc.constantFrom('Ringing', 'Connected', 'Hold', 'Disconnected', 'Passive', 'Odd'),
    queueState: fc.constantFrom('None', 'Queued', 'Ringing', 'Connected', 'Hold', 'Odd'),
    ended: fc.constantFrom(false, false, false, false, true),
    wasMissed: fc.constantFrom(false, false, false, false, true),
    answeredByName: fc.constantFrom(undefined, undefined, 'Bob Ortiz'),
    holdReason: fc.constantFrom('None', 'Transferring'),
    fromName: fc.constantFrom('Jane Doe', undefined),
    direction: fc.constantFrom('Incoming', 'Incoming', 'Outgoing', undefined),
  }) as fc.Arbitrary<Session>;

const observationArb: fc.Arbitrary<Observation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .uniqueArray(sessionArb(fc.constantFrom(...IDS)), { selector: (s) => s.id, maxLength: 4 })
      .map((sessions) => ({ kind: 'sessions' as const, sessions })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('failure' as const),
      status: fc.constantFrom('offline' as const, 'error' as const, 'signed-out' as const),
      detail: fc.constantFrom('HTTP 500', 'HTTP 502'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...IDS, 'ghost').chain((sessionId) =>
      fc.record({
        kind: fc.constant('lookup' as const),
        sessionId: fc.constant(sessionId),
        result: fc.oneof(fc.constant('failed' as const), sessionArb(fc.constant(sessionId))),
      }),
    ),
  },
);

type History = { gapMs: number; observation: Observation }[];

const historyArb: fc.Arbitrary<History> = fc.array(
  fc.record({ gapMs: fc.integer({ min: 0, max: 90_000 }), observation: observationArb }),
  { maxLength: 40 },
);

const timingArb: fc.Arbitrary<WatchTiming> = fc.record({
  pollIntervalMs: fc.constant(3000),
  holdAlertDelayMs: fc.constantFrom(0, 5000, 60_000),
  holdReminderMs: fc.constantFrom(0, 30_000, 120_000),
});

interface Seen {
  /** The step at which it first appeared in a poll answer. */
  firstStep: number;
  ringOpen: boolean;
  /** Ringing episodes, outgoing ones included: each may end in one answer. */
  ringStarts: number;
  /** Those that started as an incoming ring: each alerts once. */
  ringEpisodes: number;
  holdOpen: boolean;
  holdEpisodes: number;
  mayBeMissed: boolean;
  /** Listed at least once as anything but Outgoing. */
  everIncoming: boolean;
  markedMissed: boolean;
}

interface Logged {
  step: number;
  event: WatchEvent;
}

/** Runs the history and keeps, beside the events, what the input alone says about each id. */
function run(history: History, timing: WatchTiming) {
  let memory = emptyMemory();
  let now = T0;
  const seen = new Map<string, Seen>();
  const logged: Logged[] = [];
  const lookups: { step: number; id: string }[] = [];
  history.forEach(({ gapMs, observation }, step) => {
    now += gapMs;
    if (observation.kind === 'sessions') {
      for (const s of observation.sessions) {
        const phase = sessionPhase(s);
        const r = seen.get(s.id) ?? {
          firstStep: step,
          ringOpen: false,
          ringStarts: 0,
          ringEpisodes: 0,
          holdOpen: false,
          holdEpisodes: 0,
          mayBeMissed: false,
          everIncoming: false,
          markedMissed: false,
        };
        if (phase === 'ringing' && !r.ringOpen) {
          r.ringStarts += 1;
          // An episode that starts as the agent dialling out never rings.
          if (s.direction !== 'Outgoing') r.ringEpisodes += 1;
        }
        if (phase === 'ringing') r.ringOpen = true;
        if (phase === 'connected' || phase === 'held') r.ringOpen = false;
        if (phase === 'held' && !r.holdOpen) r.holdEpisodes += 1;
        r.holdOpen = phase === 'held';
        r.mayBeMissed ||= phase === 'ringing' || s.wasMissed === true;
        r.everIncoming ||= s.direction !== 'Outgoing';
        r.markedMissed ||= s.wasMissed === true;
        seen.set(s.id, r);
      }
    }
    const decision = decide(memory, observation, now, timing);
    for (const event of decision.events) {
      expect(event.at).toBe(new Date(now).toISOString());
      logged.push({ step, event });
    }
    lookups.push(...decision.lookups.map((id) => ({ step, id })));
    // Serializable for the ledger: nothing JSON would drop or change. (Node's deep equality,
    // since vitest's strict equality reads an own `constructor` key as the object's class.)
    const { sessions, ...rest } = decision.memory;
    const plain = { ...rest, sessions: { ...sessions } };
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(decision.memory)), plain)).toBe(true);
    memory = decision.memory;
  });
  expectPrototypeUntouched();
  return { seen, logged, lookups };
}

const forId = (logged: Logged[], id: string, kind: WatchEvent['event']) =>
  logged.filter(
    ({ event }) => event.event === kind && 'sessionId' in event && event.sessionId === id,
  );

describe('decide, over random histories', () => {
  it('alerts once per ringing episode, holds once per hold, and decides each outcome once', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { seen, logged } = run(history, timing);
        for (const id of [...IDS, 'ghost']) {
          const r = seen.get(id);
          expect(forId(logged, id, 'ringing')).toHaveLength(r?.ringEpisodes ?? 0);
          expect(forId(logged, id, 'answered').length).toBeLessThanOrEqual(r?.ringStarts ?? 0);
          const holds = forId(logged, id, 'held').filter(
            ({ event }) => event.event === 'held' && !event.reminder,
          );
          if (timing.holdAlertDelayMs === 0) expect(holds).toHaveLength(r?.holdEpisodes ?? 0);
          else expect(holds.length).toBeLessThanOrEqual(r?.holdEpisodes ?? 0);
          const outcomes =
            forId(logged, id, 'missed').length + forId(logged, id, 'answered-elsewhere').length;
          expect(outcomes).toBeLessThanOrEqual(1);
          expect(forId(logged, id, 'ended').length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('says nothing about a session before it was seen, and misses only what rang or was marked missed', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { seen, logged, lookups } = run(history, timing);
        for (const { step, event } of logged) {
          if (event.event === 'connection') continue;
          const r = seen.get(event.sessionId);
          expect(r).toBeDefined();
          expect(r?.firstStep ?? Infinity).toBeLessThanOrEqual(step);
          if (event.event === 'missed') expect(r?.mayBeMissed).toBe(true);
        }
        const asked = lookups.map(({ id }) => id);
        expect(new Set(asked).size).toBe(asked.length);
        for (const id of asked) expect(seen.get(id)?.mayBeMissed).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a call only ever seen as outgoing never rings, and is missed only when marked missed', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { seen, logged } = run(history, timing);
        for (const [id, r] of seen) {
          if (r.everIncoming) continue;
          expect(forId(logged, id, 'ringing')).toEqual([]);
          if (!r.markedMissed) expect(forId(logged, id, 'missed')).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a lookup answer speaks only for a lookup asked for, once, and not after the session came back', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { logged, lookups } = run(history, timing);
        const answered = new Set<string>();
        history.forEach(({ observation }, step) => {
          if (observation.kind !== 'lookup') return;
          const id = observation.sessionId;
          const events = logged.filter(
            (l) => l.step === step && l.event.event !== 'connection' && l.event.sessionId === id,
          );
          const request = lookups.find((l) => l.id === id && l.step < step);
          const cameBack =
            request !== undefined &&
            history
              .slice(request.step + 1, step)
              .some(
                ({ observation: o }) =>
                  o.kind === 'sessions' &&
                  o.sessions.some((s) => s.id === id && sessionPhase(s) !== 'ended'),
              );
          if (events.length > 0) {
            expect(request).toBeDefined();
            expect(answered.has(id)).toBe(false);
            expect(cameBack).toBe(false);
          }
          if (request !== undefined) answered.add(id);
        });
      }),
      { numRuns: 2000 /* the came-back path needs a long, specific history */ },
    );
  });

  it('holds and reminders come only for sessions held in that very answer', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { logged } = run(history, timing);
        for (const { step, event } of logged) {
          if (event.event !== 'held') continue;
          const observation = history[step]?.observation;
          const listed =
            observation?.kind === 'sessions'
              ? observation.sessions.find((s) => s.id === event.sessionId)
              : undefined;
          expect(listed && sessionPhase(listed)).toBe('held');
          expect(event.heldForMs).toBeGreaterThanOrEqual(
            event.reminder ? timing.holdReminderMs : timing.holdAlertDelayMs,
          );
          if (event.reminder) expect(timing.holdReminderMs).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports the connection only when it changes', () => {
    fc.assert(
      fc.property(historyArb, timingArb, (history, timing) => {
        const { logged } = run(history, timing);
        const statuses = logged.flatMap(({ step, event }) =>
          event.event === 'connection' ? [{ step, status: event.status }] : [],
        );
        statuses.forEach(({ step, status }, i) => {
          expect(status).not.toBe(statuses[i - 1]?.status);
          const observation = history[step]?.observation;
          expect(observation?.kind === 'failure' ? observation.status : 'online').toBe(status);
        });
      }),
      { numRuns: 400 },
    );
  });
});
