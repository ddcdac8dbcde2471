import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { sameSound, soundFor, type RingSettings } from '../../main/ringing/sound-rule.js';

const on: RingSettings = {
  ringUntilAnswered: true,
  ringSound: 'double',
  ringVolume: 0.6,
  alertsPaused: false,
  ringingAlertsOn: true,
  ringDevice: 'headset-1',
};
const ringing: Session = { id: 'r', callState: 'Ringing' };
const answered: Session = { id: 'r', callState: 'Connected', answeredByName: 'Ada' };

describe('the sound rule', () => {
  it('plays the chosen sound at the chosen volume on the chosen speaker while a call rings', () => {
    expect(soundFor(on, [ringing])).toEqual({ play: 'double', volume: 0.6, device: 'headset-1' });
  });

  it('another speaker is a change the ring page must hear', () => {
    const here = soundFor(on, [ringing]);
    expect(sameSound(here, soundFor({ ...on, ringDevice: '' }, [ringing]))).toBe(false);
    expect(sameSound(here, soundFor({ ...on }, [ringing]))).toBe(true);
  });

  it('stops when no call rings (answered, ended, missed or none)', () => {
    expect(soundFor(on, [answered])).toEqual({ stop: true });
    expect(soundFor(on, [{ id: 'e', callState: 'Ringing', ended: true }])).toEqual({ stop: true });
    expect(soundFor(on, [])).toEqual({ stop: true });
  });

  it('is silent when turned off, while paused, or with ringing alerts off', () => {
    expect(soundFor({ ...on, ringUntilAnswered: false }, [ringing])).toEqual({ stop: true });
    expect(soundFor({ ...on, alertsPaused: true }, [ringing])).toEqual({ stop: true });
    expect(soundFor({ ...on, ringingAlertsOn: false }, [ringing])).toEqual({ stop: true });
    expect(soundFor({ ...on, ringVolume: 0 }, [ringing])).toEqual({ stop: true });
  });

  it('never rings for an outgoing call', () => {
    expect(soundFor(on, [{ ...ringing, direction: 'Outgoing' }])).toEqual({ stop: true });
  });

  it('an unknown sound name rings the classic one; volume is clamped', () => {
    expect(soundFor({ ...on, ringSound: 'gong', ringVolume: 7 }, [ringing])).toEqual({
      play: 'classic',
      volume: 1,
      device: 'headset-1',
    });
  });
});
