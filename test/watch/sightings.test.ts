import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { afterPoll, lastNotRingingAt, noSightings } from '../../main/watch/sightings.js';

const ringing = (id: string): Session => ({ id, callState: 'Ringing', direction: 'Incoming' });
const queued = (id: string): Session => ({ id, queueState: 'Queued' });

describe('sightings: the last poll that saw a call not ringing', () => {
  it('nothing before the first poll', () => {
    expect(lastNotRingingAt(noSightings, 'a')).toBeUndefined();
    const first = afterPoll(noSightings, [ringing('a')], 1000);
    expect(lastNotRingingAt(first, 'a')).toBeUndefined();
  });

  it('a call the last poll did not list was not ringing then', () => {
    const seen = afterPoll(noSightings, [], 1000);
    expect(lastNotRingingAt(seen, 'new')).toBe(1000);
  });

  it('a queued call: the last poll that saw it queued, carried while it rings', () => {
    let seen = afterPoll(noSightings, [queued('q')], 1000);
    seen = afterPoll(seen, [queued('q')], 2000);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
    seen = afterPoll(seen, [ringing('q')], 3000);
    seen = afterPoll(seen, [ringing('q')], 4000);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
  });

  it('forgets calls no longer listed', () => {
    let seen = afterPoll(noSightings, [queued('q')], 1000);
    seen = afterPoll(seen, [], 2000);
    expect(seen.notRingingAt.has('q')).toBe(false);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
  });

  it('keeps entries for ringing calls only: every other listed call reads as this poll', () => {
    let seen = afterPoll(noSightings, [queued('q'), ringing('r')], 1000);
    seen = afterPoll(seen, [queued('q'), ringing('r'), queued('s')], 2000);
    expect([...seen.notRingingAt.keys()]).toEqual(['r']);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
    expect(lastNotRingingAt(seen, 's')).toBe(2000);
    expect(lastNotRingingAt(seen, 'r')).toBeUndefined();
  });

  it('a call listed twice counts as its last listing', () => {
    let seen = afterPoll(noSightings, [queued('q')], 1000);
    seen = afterPoll(seen, [ringing('q'), queued('q')], 2000);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
    seen = afterPoll(seen, [queued('q'), ringing('q')], 3000);
    expect(lastNotRingingAt(seen, 'q')).toBe(2000);
  });
});
