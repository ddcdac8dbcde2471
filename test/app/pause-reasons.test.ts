import { describe, expect, it } from 'vitest';
import {
  AWAKE,
  machineStep,
  type MachineEvent,
  type MachineState,
  type PollAction,
} from '../../main/app/pause-reasons.js';

/** Feeds the events in order, one a second from 0, from a machine awake and unlocked. */
function run(...events: MachineEvent[]): { actions: PollAction[]; state: MachineState } {
  let state = AWAKE;
  const actions = events.map((event, i) => {
    const step = machineStep(state, event, i * 1000);
    state = step.state;
    return step.action;
  });
  return { actions, state };
}
const actions = (...events: MachineEvent[]) => run(...events).actions;

describe('machineStep', () => {
  it('pauses on sleep, and on waking resumes and polls (within a second)', () => {
    expect(actions('suspend', 'resume')).toEqual(['pause', 'wake']);
  });

  it('a locked screen does not pause polling: it notes when it locked; unlocking polls at once', () => {
    const locked = run('offline', 'lock-screen');
    expect(locked.actions).toEqual(['poll-now', 'none']);
    expect(locked.state.lockedSince).toBe(1000);
    const unlocked = run('lock-screen', 'unlock-screen');
    expect(unlocked.actions).toEqual(['none', 'wake']);
    expect(unlocked.state.lockedSince).toBeNull();
  });

  it('a second lock signal keeps the time of the first', () => {
    expect(run('lock-screen', 'lock-screen').state.lockedSince).toBe(0);
  });

  it('unlocking while still asleep does not poll; waking then does', () => {
    expect(actions('lock-screen', 'suspend', 'unlock-screen', 'resume')).toEqual([
      'none',
      'pause',
      'none',
      'wake',
    ]);
  });

  it('waking while still locked polls (locked screens are watched); unlocking polls again', () => {
    const r = run('suspend', 'lock-screen', 'resume', 'unlock-screen');
    expect(r.actions).toEqual(['pause', 'none', 'wake', 'wake']);
  });

  it('does not pause when the network goes away: it polls at once, and again when it is back', () => {
    expect(actions('offline', 'online')).toEqual(['poll-now', 'poll-now']);
  });

  it('polls on a network change while locked, but not while asleep', () => {
    expect(actions('lock-screen', 'offline')).toEqual(['none', 'poll-now']);
    expect(actions('suspend', 'offline', 'online', 'resume')).toEqual([
      'pause',
      'none',
      'none',
      'wake',
    ]);
  });

  it('ignores a repeated or unmatched signal', () => {
    expect(actions('suspend', 'suspend', 'resume')).toEqual(['pause', 'none', 'wake']);
    expect(actions('resume', 'unlock-screen')).toEqual(['none', 'none']);
  });
});
