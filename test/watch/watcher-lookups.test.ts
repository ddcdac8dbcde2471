import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { LOOKUP_TIMEOUT_MS } from '../../main/watch/session-rules.js';
import { fakeEvo, ringing, run, useFakeClock, watch } from './watcher-fakes.js';

beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watcher, looking up a ring that vanished', () => {
  it('looks a vanished ring up once and reports it missed', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), callState: 'Disconnected', ended: true });
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(evo.api.getSession).toHaveBeenCalledWith('s1', expect.any(AbortSignal));
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'missed', 'ended']);
    await w.watcher.stop();
  });

  it('a vanished ring that another agent answered is reported as answered elsewhere', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', {
      ...ringing('s1'),
      callState: 'Connected',
      queueState: 'Connected',
      answeredByName: 'Sam Colleague',
      answeredById: 'ep-2',
    });
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered-elsewhere', 'ended']);
    await w.watcher.stop();
  });

  it('a lookup that meets an expired session signs in again and still learns who answered', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    evo.state.nextLookupFailures.push(
      new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 }),
    );
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered-elsewhere', 'ended']);
    await w.watcher.stop();
  });

  it('a password rejected while looking a call up is never tried again by the next poll', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, { password: async () => 'an old password' });
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.api.getSession.mockImplementationOnce(async () => {
      evo.state.expired = true; // the session expires under the lookup, and stays expired
      throw new EvoApiError('rejected-credentials', 'Not signed in', { status: 401 });
    });
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual([
      'connection:online',
      'ringing',
      'missed',
      'ended',
      'connection:signed-out',
    ]);
    await w.watcher.stop();
  });

  it.each([
    ['not-found', 404],
    ['forbidden', 403],
    ['network', undefined],
  ] as const)(
    'a lookup that fails for good (%s) settles the call at once, without asking again',
    async (kind, status) => {
      const evo = fakeEvo();
      evo.state.listed = [ringing('s1')];
      evo.api.getSession.mockRejectedValue(new EvoApiError(kind, 'No luck', { status }));
      const w = watch(evo);
      await w.watcher.start();
      await run(0);
      evo.state.listed = [];
      await run(10_000);
      expect(evo.api.getSession).toHaveBeenCalledTimes(1);
      expect(w.kinds()).toEqual(['connection:online', 'ringing', 'missed', 'ended']);
      await w.watcher.stop();
    },
  );

  it('a lookup that meets a passing error (500) is asked again at the next poll, and its answer counts', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [];
    evo.state.archive.set('s1', { ...ringing('s1'), answeredByName: 'Sam Colleague' });
    evo.state.nextLookupFailures.push(
      new EvoApiError('server', 'Evo Voice had a problem (HTTP 500)', { status: 500 }),
    );
    await run(2000); // gone from two answers: the first lookup, which fails
    expect(evo.api.getSession).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    expect(w.logLines).toContain(
      'warn Could not look up how call s1 ended: Evo Voice had a problem (HTTP 500). Asking again at the next poll.',
    );
    await run(1000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered-elsewhere', 'ended']);
    await run(10_000);
    expect(evo.api.getSession).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });

  it.each(['server', 'rate-limited', 'timeout', 'bad-response'] as const)(
    'a lookup that keeps failing (%s) is asked at every poll until the one-minute deadline reports it missed',
    async (kind) => {
      const evo = fakeEvo();
      evo.state.listed = [ringing('s1')];
      evo.api.getSession.mockRejectedValue(new EvoApiError(kind, 'Not now.'));
      const w = watch(evo);
      await w.watcher.start();
      await run(0);
      evo.state.listed = [];
      await run(2000); // the lookup is asked at 2 s
      await run(LOOKUP_TIMEOUT_MS - 1000); // and again at each poll, every second, up to 61 s
      expect(evo.api.getSession).toHaveBeenCalledTimes(LOOKUP_TIMEOUT_MS / 1000);
      expect(w.kinds()).toEqual(['connection:online', 'ringing']);
      await run(1000); // 62 s: a minute after it was asked
      expect(w.kinds()).toEqual(['connection:online', 'ringing', 'missed', 'ended']);
      await run(10_000);
      expect(evo.api.getSession).toHaveBeenCalledTimes(LOOKUP_TIMEOUT_MS / 1000);
      await w.watcher.stop();
    },
  );
});
