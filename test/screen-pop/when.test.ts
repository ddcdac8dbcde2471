import { describe, expect, it } from 'vitest';
import type { ScreenPopSettings } from '../../main/boundary/contract.js';
import type { Session } from '../../main/boundary/session.js';
import { screenPopsDue, shouldPopNow } from '../../main/screen-pop/when.js';

const ringing: Session = { id: 'r', callState: 'Ringing', direction: 'Incoming' };
const connected: Session = { id: 'c', callState: 'Connected', queueState: 'Connected' };
const queued: Session = { id: 'q', callState: 'Disconnected', queueState: 'Queued' };
const held: Session = { id: 'h', callState: 'Hold' };
const ended: Session = { id: 'e', callState: 'Ringing', ended: true };
const url = 'https://crm.example.com/{from}';
const none = { has: (_id: string) => false };

const pops = (when: ScreenPopSettings['when'], session: Session, isAgents = true, popped = none) =>
  shouldPopNow({ screenPop: { url, when }, session, isAgents, popped });

describe('shouldPopNow', () => {
  it("'ringing' pops a call ringing for the agent, and nothing else", () => {
    expect(pops('ringing', ringing)).toBe(true);
    for (const s of [connected, queued, held, ended]) expect(pops('ringing', s)).toBe(false);
    expect(pops('ringing', ringing, false)).toBe(false);
    expect(pops('ringing', { ...ringing, direction: 'Outgoing' })).toBe(false);
  });

  it("'answered' pops a connected call that is the agent's, and nothing else", () => {
    expect(pops('answered', connected)).toBe(true);
    expect(pops('answered', connected, false)).toBe(false);
    for (const s of [ringing, queued, held, ended]) expect(pops('answered', s)).toBe(false);
  });

  it("'manual' and an empty address never pop by themselves", () => {
    expect(pops('manual', ringing)).toBe(false);
    expect(pops('manual', connected)).toBe(false);
    expect(
      shouldPopNow({
        screenPop: { url: '', when: 'ringing' },
        session: ringing,
        isAgents: true,
        popped: none,
      }),
    ).toBe(false);
  });

  it('pops a call at most once', () => {
    const popped = new Set(['r', 'c']);
    expect(pops('ringing', ringing, true, popped)).toBe(false);
    expect(pops('answered', connected, true, popped)).toBe(false);
  });
});

describe('screenPopsDue', () => {
  it('gives the calls of a listing to pop, skipping those already popped and others’ calls', () => {
    const other: Session = { id: 'r2', callState: 'Ringing' };
    const due = screenPopsDue(
      [ringing, connected, other, { ...ringing, id: 'r3' }],
      { url, when: 'ringing' },
      (s) => s.id !== 'r2',
      new Set(['r3']),
    );
    expect(due.map((s) => s.id)).toEqual(['r']);
  });
});
