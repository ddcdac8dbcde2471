// Scenarios: timed steps played against a simulator with an injectable timer, so tests can
// drive them with fake timers and the demo can run them for real.
import { FAULT_KINDS } from './faults.js';
import type { ScenarioTimer } from './steps.js';
import { applyStep, globalTimer } from './steps.js';
import type { ScenarioStep, Simulator } from './types.js';
import { errorMessage } from '../boundary/errors.js';

export { applyStep, globalTimer } from './steps.js';
export type { ScenarioTimer } from './steps.js';

export { busyCallCenter } from './call-center.js';
export type { BusyCallCenter, BusyCallCenterOptions } from './call-center.js';

const CALL_ACTIONS = new Set<string>([
  'arrive',
  'ring',
  'answer',
  'resume',
  'end',
  'miss',
  'remove',
  'archive',
  'hold',
  'transfer',
  'answer-elsewhere',
]);

function describe(step: ScenarioStep, index: number): string {
  const ref = 'ref' in step ? ` "${step.ref}"` : '';
  return `Step ${index + 1} (${String(step.do)}${ref} at ${step.atMs} ms)`;
}

/** A step and its place in the scenario as written (for messages). */
interface Placed {
  step: ScenarioStep;
  index: number;
}

/** Checks a whole scenario before any step runs; every problem is listed. */
export function validateScenario(steps: readonly ScenarioStep[]): void {
  checkedTimeline(steps);
}

/**
 * The steps in time order (steps at the same time keep their order), once every problem has
 * been checked for; throws listing them all.
 */
function checkedTimeline(steps: readonly ScenarioStep[]): Placed[] {
  const problems: string[] = [];
  const arrived = new Set<string>();
  const ordered = steps.map((step, index) => ({ step, index }));
  ordered.sort((a, b) => a.step.atMs - b.step.atMs);
  for (const { step, index } of ordered) {
    const where = describe(step, index);
    if (typeof step.atMs !== 'number' || !Number.isFinite(step.atMs) || step.atMs < 0) {
      problems.push(`${where}: atMs must be a number of milliseconds, 0 or more`);
    }
    if (step.do === 'expire-sessions') continue;
    if (step.do === 'fault') {
      if (!FAULT_KINDS.includes(step.fault)) {
        problems.push(`${where}: unknown fault "${step.fault}" (use ${FAULT_KINDS.join(', ')})`);
      }
      continue;
    }
    if (!CALL_ACTIONS.has(step.do)) {
      problems.push(`${where}: unknown action`);
      continue;
    }
    if (typeof step.ref !== 'string' || step.ref === '') {
      problems.push(`${where}: needs a ref naming the call`);
    } else if (step.do === 'arrive') {
      if (arrived.has(step.ref)) problems.push(`${where}: "${step.ref}" has already arrived`);
      arrived.add(step.ref);
    } else if (!arrived.has(step.ref)) {
      problems.push(`${where}: "${step.ref}" has not arrived by then`);
    }
    if ((step.do === 'hold' || step.do === 'transfer') && !step.holdQueueName) {
      problems.push(`${where}: needs a holdQueueName`);
    }
    if (step.do === 'answer-elsewhere' && !step.byName) {
      problems.push(`${where}: needs byName (who answered)`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The scenario cannot run:\n- ${problems.join('\n- ')}`);
  }
  return ordered;
}

export interface RunningScenario {
  stop(): void;
  /** Resolves after the last step (or on stop); rejects when a step fails. */
  done: Promise<void>;
}

/**
 * Plays the steps at their `atMs` (from now), in time order; steps at the same time keep
 * their order. Throws at once when the scenario is malformed.
 */
export function runScenario(
  sim: Simulator,
  steps: ScenarioStep[],
  timer: ScenarioTimer = globalTimer,
): RunningScenario {
  const ordered = checkedTimeline(steps);
  const refs = new Map<string, string>();
  let next = 0;
  let handle: unknown;
  let finished = false;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // An ignored `done` must not crash the process; awaiting it still sees the failure.
  done.catch(() => {});

  function finish(error?: Error): void {
    if (finished) return;
    finished = true;
    timer.clearTimeout(handle);
    if (error) settle?.reject(error);
    else settle?.resolve();
  }

  function playDue(elapsedMs: number): void {
    for (let due = ordered[next]; due && due.step.atMs <= elapsedMs; due = ordered[next]) {
      next += 1;
      try {
        applyStep(sim, due.step, refs);
      } catch (error) {
        const reason = errorMessage(error);
        return finish(new Error(`${describe(due.step, due.index)} failed: ${reason}`));
      }
    }
    const upcoming = ordered[next];
    if (upcoming === undefined) return finish();
    const at = upcoming.step.atMs;
    handle = timer.setTimeout(() => playDue(at), at - elapsedMs);
  }

  const first = ordered[0];
  if (first === undefined) finish();
  else handle = timer.setTimeout(() => playDue(first.step.atMs), first.step.atMs);

  return { stop: () => finish(), done };
}
