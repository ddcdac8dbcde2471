import { describe, expect, it } from 'vitest';
import {
  machineStep,
  type MachineEvent,
  type PauseReason,
  type PollAction,
} from '../../main/app/pause-reasons.js';

/** Feeds the events in order from a machine that is awake and unlocked; returns the actions. */
function actions(...events: MachineEvent[]): PollAction[] {
  let reasons: ReadonlySet<PauseReason> = new Set();
  return events.map((event) => {
    const step = machineStep(reasons, event);
    reasons = step.reasons;
    return step.action;
  });
}

describe('machineStep', () => {
  it('pauses on sleep and resumes on waking', () => {
    expect(actions('suspend', 'resume')).toEqual(['pause', 'resume']);
  });

  it('pauses on lock and resumes on unlock', () => {
    expect(actions('lock-screen', 'unlock-screen')).toEqual(['pause', 'resume']);
  });

  it('unlocking while still asleep does not resume; waking then does', () => {
    expect(actions('lock-screen', 'suspend', 'unlock-screen', 'resume')).toEqual([
      'pause',
      'none',
      'none',
      'resume',
    ]);
  });

  it('waking while still locked does not resume; unlocking then does', () => {
    expect(actions('suspend', 'lock-screen', 'resume', 'unlock-screen')).toEqual([
      'pause',
      'none',
      'none',
      'resume',
    ]);
  });

  it('does not pause when the network goes away: it polls at once, and again when it is back', () => {
    expect(actions('offline', 'online')).toEqual(['poll-now', 'poll-now']);
  });

  it('does not poll on a network change while asleep or locked', () => {
    expect(actions('suspend', 'offline', 'online', 'resume')).toEqual([
      'pause',
      'none',
      'none',
      'resume',
    ]);
  });

  it('ignores a repeated or unmatched signal', () => {
    expect(actions('suspend', 'suspend', 'resume')).toEqual(['pause', 'none', 'resume']);
    expect(actions('resume', 'unlock-screen')).toEqual(['none', 'none']);
  });
});
