import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { describeStep } from '../../main/simulator/step-log.js';

const AT = new Date('2026-03-02T09:00:02.500Z');

const call: Session = {
  id: 's1',
  callState: 'Ringing',
  fromName: 'Jane Doe',
  fromAddress: '+15035550100',
  toAddress: 'Support Line',
  endpointName: 'Main Queue',
};

describe('the simulator log', () => {
  it('names the caller and the line as the tray does: the address called before the endpoint', () => {
    expect(describeStep({ atMs: 0, do: 'arrive', ref: 'c1' }, call, AT)).toBe(
      '[09:00:02] ringing            c1       Jane Doe (+15035550100) → Support Line',
    );
  });

  it('falls back to the endpoint, and to an unknown caller', () => {
    const bare: Session = { id: 's2', endpointName: 'Main Queue' };
    expect(describeStep({ atMs: 0, do: 'miss', ref: 'c2' }, bare, AT)).toBe(
      '[09:00:02] missed             c2       Unknown caller → Main Queue',
    );
  });

  it('says where a call is held, who answered elsewhere, and that a call arrived queued', () => {
    const hold = { atMs: 0, do: 'hold', ref: 'c1', holdQueueName: 'Sales Hold' } as const;
    expect(describeStep(hold, call, AT)).toMatch(/^\[09:00:02\] held .* \(in Sales Hold\)$/);
    const elsewhere = { atMs: 0, do: 'answer-elsewhere', ref: 'c1', byName: 'Sam Okafor' } as const;
    expect(describeStep(elsewhere, call, AT)).toMatch(/answered elsewhere .* \(by Sam Okafor\)$/);
    const queued = { ...call, callState: 'Connected', queueState: 'Queued' };
    expect(describeStep({ atMs: 0, do: 'arrive', ref: 'c3' }, queued, AT)).toMatch(/\] queued /);
  });

  it('a step about no call (a fault) has no caller', () => {
    const fault = { atMs: 0, do: 'fault', fault: 'hang' } as const;
    expect(describeStep(fault, undefined, AT)).toMatch(/^\[09:00:02\] fault injected\s*$/);
  });
});
