import { describe, expect, it } from 'vitest';
import { incomingWindowShows } from '../../main/ringing/incoming-rule.js';

describe('the incoming-call window shows', () => {
  it('as the fallback only while cards fail and a call rings', () => {
    expect(incomingWindowShows('fallback', 1, true)).toBe(true);
    expect(incomingWindowShows('fallback', 1, false)).toBe(false);
    expect(incomingWindowShows('fallback', 0, true)).toBe(false);
  });

  it('always while a call rings, cards or not; never, never', () => {
    expect(incomingWindowShows('always', 2, false)).toBe(true);
    expect(incomingWindowShows('always', 0, false)).toBe(false);
    expect(incomingWindowShows('never', 3, true)).toBe(false);
  });
});
