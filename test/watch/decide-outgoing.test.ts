// Calls the agent dials out: the Ringing state is the other end ringing, so it is never a
// call for the agent to take, and nobody picking up is not a call they missed.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { call, connected, ended, held, ringing, Watch } from './decide-script.js';

const OUT: Partial<Session> = { direction: 'Outgoing' };

describe('outgoing calls', () => {
  it('an outgoing call that is ringing does not alert', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT)]);
    w.poll([ringing('o1', OUT)]);
    expect(w.said()).toEqual([]);
  });

  it('an outgoing call picked up at the other end is still reported answered', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT)]);
    w.poll([connected('o1', OUT)]);
    expect(w.said()).toEqual(['answered o1']);
  });

  it('an outgoing call nobody picks up that leaves the list is not missed and is not looked up', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT)]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual([]);
    expect(w.said()).toEqual(['ended o1']);
  });

  it('an outgoing call nobody picks up that ends in the list is only ended', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT)]);
    w.poll([ended('o1', OUT)]);
    expect(w.lookups).toEqual([]);
    expect(w.said()).toEqual(['ended o1']);
  });

  it('an outgoing call the server marks missed is still missed', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT)]);
    w.poll([call('o1', { ...OUT, wasMissed: true })]);
    expect(w.said()).toEqual(['missed o1']);
  });

  it('an outgoing call put on hold alerts like any other', () => {
    const w = new Watch();
    w.poll([connected('o1', OUT)]);
    w.poll([held('o1', OUT)]);
    expect(w.said()).toEqual(['held o1']);
  });

  it('an incoming call beside it rings and is missed as usual', () => {
    const w = new Watch();
    w.poll([ringing('o1', OUT), ringing('i1')]);
    w.poll([]);
    w.poll([]);
    expect(w.lookups).toEqual(['i1']);
    w.lookup('i1', 'failed');
    expect(w.said()).toEqual(['ringing i1', 'ended o1', 'missed i1', 'ended i1']);
  });
});
