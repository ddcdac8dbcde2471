// Only the latest operation counts: an older one learns, after its await, that it was superseded
// and by what.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../main/app/latest-only.js';

describe('latestOnly', () => {
  it('a turn alone is never stale', () => {
    const begin = latestOnly<'sign-in'>();
    const turn = begin('sign-in');
    expect(turn.stale()).toBe(false);
    expect(turn.supersededBy()).toBeNull();
  });

  it('a newer turn makes every older one stale, and says what it is', () => {
    const begin = latestOnly<'sign-in' | 'demo' | 'sign-out'>();
    const first = begin('sign-in');
    const second = begin('demo');
    expect(first.stale()).toBe(true);
    expect(first.supersededBy()).toBe('demo');
    expect(second.stale()).toBe(false);
    const last = begin('sign-out');
    expect([first, second].map((t) => t.supersededBy())).toEqual(['sign-out', 'sign-out']);
    expect(last.stale()).toBe(false);
  });

  it('an answer that arrives after a newer turn began is dropped', async () => {
    const begin = latestOnly<'sign-in' | 'sign-out'>();
    let answer: (name: string) => void = () => {};
    const signedIn: string[] = [];
    const signIn = async () => {
      const turn = begin('sign-in');
      const name = await new Promise<string>((resolve) => (answer = resolve));
      if (!turn.stale()) signedIn.push(name);
    };
    const pending = signIn();
    begin('sign-out');
    answer('Ada');
    await pending;
    expect(signedIn).toEqual([]);
  });

  it('families are independent', () => {
    const a = latestOnly<'x'>();
    const b = latestOnly<'x'>();
    const turn = a('x');
    b('x');
    expect(turn.stale()).toBe(false);
  });
});
