// Playing one scenario step against a simulator, and the timer scenarios run on.
import type { Session } from '../boundary/session.js';
import type { ScenarioStep, Simulator } from './types.js';

/** The part of a clock a scenario needs; `Clock` from main/watch/clock.ts fits. */
export interface ScenarioTimer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Looks the globals up at call time, so vitest's fake timers apply. */
export const globalTimer: ScenarioTimer = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Plays one step. `refs` maps scenario refs to session ids (an `arrive` adds one).
 * Returns the call as it is after the step, when the step is about a call.
 */
export function applyStep(
  sim: Simulator,
  step: ScenarioStep,
  refs: Map<string, string>,
): Session | undefined {
  if (step.do === 'expire-sessions') {
    sim.faults.expireSessions();
    return undefined;
  }
  if (step.do === 'fault') {
    const { fault, count, retryAfterSeconds, pathPrefix } = step;
    sim.faults.inject(fault, { count, retryAfterSeconds, pathPrefix });
    return undefined;
  }
  if (step.do === 'arrive') {
    const session = sim.calls.arrive(step.call);
    refs.set(step.ref, session.id);
    return session;
  }
  const id = refs.get(step.ref);
  if (id === undefined) throw new Error(`no call has arrived as "${step.ref}"`);
  const calls = sim.calls;
  switch (step.do) {
    case 'ring':
    case 'answer':
    case 'resume':
    case 'end':
    case 'miss':
    case 'remove':
    case 'archive':
      calls[step.do](id);
      break;
    case 'hold':
    case 'transfer':
      calls[step.do](id, step.holdQueueName);
      break;
    case 'answer-elsewhere':
      calls.answerElsewhere(id, step.byName);
      break;
  }
  return calls.get(id);
}
