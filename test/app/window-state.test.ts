import { describe, expect, it } from 'vitest';
import { createWindowStates } from '../../main/app/window-state.js';
import { call, signedIn } from '../../harness/app-states.js';
import { realisticSessions } from '../../harness/realistic-calls.js';

describe('the state pushed to the window', () => {
  it('5,000 realistic calls (log, members, every field) push as less than 1 MB', () => {
    const state = signedIn({ sessions: realisticSessions(5000) });
    const full = JSON.stringify(state).length;
    const pushed = JSON.stringify(createWindowStates()(state)).length;
    // Structured clone copies what JSON would carry: the JSON size is the push's size.
    expect(pushed).toBeLessThan(1_000_000);
    expect(full).toBeGreaterThan(10 * pushed);
  });

  it('is made once per AppState, and keeps an unchanged call’s summary and rev', () => {
    const states = createWindowStates();
    const a = call('a');
    const b = call('b', { callState: 'Hold' });
    const first = signedIn({ sessions: [a, b] });
    expect(states(first)).toBe(states(first));
    const before = states(first).calls;
    expect(before.map((c) => c.rev)).toEqual([1, 1]);

    // The engine hands back the same object for an unchanged call, a new one for a changed one.
    const changedB = { ...b, log: [{ message: 'Resumed' }] };
    const next = states(signedIn({ sessions: [changedB, a] })).calls;
    expect(next[1]).toBe(before[0]);
    expect(next[0]?.rev).toBe(2);

    // Other changes to the state (a setting) reuse the same summaries.
    const settingsOnly = signedIn({ sessions: [changedB, a], connection: { status: 'offline' } });
    expect(states(settingsOnly).calls).toEqual(next);
  });

  it('a new language words the calls again, without a new rev; a call that left starts over', () => {
    const states = createWindowStates();
    const held = { id: 'h', callState: 'Hold', holdQueueName: 'Blue', toAddress: 'Sales' };
    const sessions = [held];
    const en = states(signedIn({ sessions })).calls[0];
    const es = states(signedIn({ sessions, locale: 'es' })).calls[0];
    expect(en?.caller).toBe('Unknown caller');
    expect(es?.caller).not.toBe(en?.caller);
    expect(es?.meta).not.toBe(en?.meta);
    expect(es?.rev).toBe(en?.rev);

    states(signedIn({ sessions: [], locale: 'es' }));
    expect(states(signedIn({ sessions: [{ ...held }], locale: 'es' })).calls[0]?.rev).toBe(1);
  });
});
