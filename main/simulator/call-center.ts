// The demo's busy call center: calls keep arriving for one agent, and each lives out a short
// story (answered and held, missed, answered by a colleague…). The stories are plain data;
// only busyCallCenter().start() touches timers.
import type { Session } from '../boundary/session.js';
import { between, COLLEAGUES, DEFAULT_SEED, HOLD_QUEUES, pick, seededRandom } from './people.js';
import type { ScenarioTimer } from './steps.js';
import { applyStep, globalTimer } from './steps.js';
import type { ScenarioStep, Simulator } from './types.js';

/** How one call goes, in milliseconds from its arrival. */
export interface CallStory {
  /** 0 rings at once; otherwise it waits Queued this long first. */
  queuedMs: number;
  ringMs: number;
  ending: 'answered' | 'missed' | 'answered-elsewhere';
  talkMs: number;
  /** For answered calls: a hold (or a transfer, which a colleague then picks up). */
  hold?: { queueName: string; holdMs: number; transfer: boolean };
  talkAfterHoldMs: number;
  colleague: string;
  /** How long an ended call stays in the list before it goes. */
  lingerMs: number;
}

/** At most this many calls listed at once, so the tray stays readable. */
export const MAX_LISTED_CALLS = 4;

/** The first two calls are fixed, so ringing, held and missed all show within ~10 s. */
export const OPENING: readonly { atMs: number; story: CallStory }[] = [
  {
    atMs: 500,
    story: {
      queuedMs: 0,
      ringMs: 3500,
      ending: 'answered',
      talkMs: 2000,
      hold: { queueName: 'Sales Hold', holdMs: 6000, transfer: false },
      talkAfterHoldMs: 4000,
      colleague: 'Sam Okafor',
      lingerMs: 5000,
    },
  },
  {
    atMs: 2000,
    story: {
      queuedMs: 0,
      ringMs: 6000,
      ending: 'missed',
      talkMs: 0,
      talkAfterHoldMs: 0,
      colleague: 'Sam Okafor',
      lingerMs: 6000,
    },
  },
];

export function randomStory(random: () => number): CallStory {
  const roll = random();
  const ending = roll < 0.55 ? 'answered' : roll < 0.75 ? 'missed' : 'answered-elsewhere';
  const holds = ending === 'answered' && random() < 0.65;
  return {
    queuedMs: random() < 0.3 ? between(random, 2000, 4000) : 0,
    ringMs: ending === 'missed' ? between(random, 6000, 9000) : between(random, 3500, 6000),
    ending,
    talkMs: between(random, 3000, 6000),
    hold: holds
      ? {
          queueName: pick(random, HOLD_QUEUES),
          holdMs: between(random, 5000, 9000),
          transfer: random() < 0.25,
        }
      : undefined,
    talkAfterHoldMs: between(random, 3000, 6000),
    colleague: pick(random, COLLEAGUES),
    lingerMs: between(random, 4000, 7000),
  };
}

/** The story as scenario steps for the call `ref`, timed from its arrival. */
export function storySteps(story: CallStory, ref: string, agent: string): ScenarioStep[] {
  let t = 0;
  const steps: ScenarioStep[] = [
    { atMs: t, do: 'arrive', ref, call: { agent, queued: story.queuedMs > 0 } },
  ];
  if (story.queuedMs > 0) steps.push({ atMs: (t += story.queuedMs), do: 'ring', ref });
  t += story.ringMs;
  if (story.ending === 'missed') {
    steps.push({ atMs: t, do: 'miss', ref }, { atMs: t + story.lingerMs, do: 'remove', ref });
    return steps;
  }
  const elsewhere = { do: 'answer-elsewhere', ref, byName: story.colleague } as const;
  if (story.ending === 'answered-elsewhere') return [...steps, { atMs: t, ...elsewhere }];
  steps.push({ atMs: t, do: 'answer', ref });
  t += story.talkMs;
  if (story.hold) {
    const { queueName, holdMs, transfer } = story.hold;
    steps.push({ atMs: t, do: transfer ? 'transfer' : 'hold', ref, holdQueueName: queueName });
    t += holdMs;
    if (transfer) return [...steps, { atMs: t, ...elsewhere }];
    steps.push({ atMs: t, do: 'resume', ref });
    t += story.talkAfterHoldMs;
  }
  steps.push({ atMs: t, do: 'end', ref }, { atMs: t + story.lingerMs, do: 'remove', ref });
  return steps;
}

export interface BusyCallCenterOptions {
  random?: () => number;
  /** The agent (username) the calls are for; defaults to the simulator's first user. */
  agent?: string;
  /** Told after each step plays, with the call as it now is (for the CLI's event log). */
  onStep?: (step: ScenarioStep, session: Session | undefined) => void;
}

export interface BusyCallCenter {
  start(sim: Simulator, timer?: ScenarioTimer): { stop(): void };
}

export function busyCallCenter(options: BusyCallCenterOptions = {}): BusyCallCenter {
  return {
    start(sim, timer = globalTimer) {
      const agent = options.agent ?? sim.users[0]?.username ?? '';
      if (!sim.users.some((u) => u.username === agent)) {
        throw new Error(`The busy call center needs one of the simulator's users, not "${agent}"`);
      }
      const random = options.random ?? seededRandom(DEFAULT_SEED + 1);
      const refs = new Map<string, string>();
      const handles = new Set<unknown>();
      let stopped = false;
      let made = 0;

      function later(ms: number, fn: () => void): void {
        const handle = timer.setTimeout(() => {
          handles.delete(handle);
          if (!stopped) fn();
        }, ms);
        handles.add(handle);
      }

      /** Starts a call's story unless the list is full; false when it is. */
      function play(story: CallStory): boolean {
        if (sim.calls.listFor(agent).length >= MAX_LISTED_CALLS) return false;
        const ref = `call-${++made}`;
        const steps = storySteps(story, ref, agent);
        let broken = false;
        steps.forEach((step, index) =>
          later(step.atMs, () => {
            if (broken) return;
            try {
              const session = applyStep(sim, step, refs);
              options.onStep?.(step, session);
            } catch {
              // Someone else changed the call (a test removed it): drop the rest of its story.
              broken = true;
            }
            if (broken || index === steps.length - 1) refs.delete(ref);
          }),
        );
        return true;
      }

      function arrivals(delayMs: number): void {
        later(delayMs, () => {
          const started = play(randomStory(random));
          arrivals(started ? between(random, 3000, 6000) : 1500);
        });
      }

      for (const { atMs, story } of OPENING) later(atMs, () => play(story));
      arrivals(6000);

      return {
        stop() {
          stopped = true;
          for (const handle of handles) timer.clearTimeout(handle);
          handles.clear();
        },
      };
    },
  };
}
