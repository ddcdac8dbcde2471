import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';
import { errorForNetwork } from '../../main/evo/http-errors.js';
import { createTranslator, type Translate } from '../../main/boundary/i18n/index.js';
import type { AgentProfile } from '../../main/boundary/session.js';
import {
  fakeEvo,
  hangUntilAborted,
  PASSWORD,
  PROFILE,
  ringing,
  run,
  SERVER,
  TIMING,
  USER,
  useFakeClock,
  watch,
} from './watcher-fakes.js';

beforeEach(() => {
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watcher', () => {
  it('turns each poll into events, in order', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.listed = [{ ...ringing('s1'), callState: 'Connected', queueState: 'Connected' }];
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'answered']);
    expect(w.events[1]).toMatchObject({ sessionId: 's1', event: 'ringing' });
    await w.watcher.stop();
  });

  it('after a 401 signs in again once, retries at once, and does not repeat a ring', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const signedIn: AgentProfile[] = [];
    const w = watch(evo, { onSignedIn: (p) => signedIn.push(p) });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.signIn).toHaveBeenCalledWith(SERVER, USER, PASSWORD, expect.any(AbortSignal));
    expect(signedIn).toEqual([PROFILE]);
    // the retried poll happened right away, within the same tick as the 401
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(3);
    await run(5000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });

  it('a rejected re-sign-in reports signed-out once, stops polling, and never retries the password', async () => {
    const evo = fakeEvo();
    const w = watch(evo, { password: async () => 'an old password' });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    const polls = evo.api.getMySessions.mock.calls.length;
    await run(10 * 60_000);
    w.watcher.pollNow();
    w.watcher.resume();
    await run(10_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(polls);
    expect(w.kinds()).toEqual(['connection:online', 'connection:signed-out']);
    expect(w.events[1]).toMatchObject({ detail: 'Invalid password' });
    await w.watcher.stop();
  });

  it('a re-sign-in refused (a 403 "account locked" too) is told once, so the app never sends it again', async () => {
    const evo = fakeEvo();
    evo.state.signInAnswers.push(
      new EvoApiError('rejected-credentials', 'Sign-in was refused: Account locked.', {
        status: 403,
      }),
    );
    const rejected = vi.fn();
    const w = watch(evo, { onPasswordRejected: rejected });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(60_000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    expect(rejected).toHaveBeenCalledTimes(1);
    await w.watcher.stop();
  });

  it('with no stored password, a 401 reports signed-out without trying to sign in', async () => {
    const evo = fakeEvo();
    evo.state.expired = true;
    const w = watch(evo, { password: async () => null });
    await w.watcher.start();
    await run(5000);
    expect(evo.api.signIn).not.toHaveBeenCalled();
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    expect(w.kinds()).toEqual(['connection:signed-out']);
    await w.watcher.stop();
  });

  it('a re-sign-in that cannot reach the server is an ordinary failure: back off and try again', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    evo.state.signInAnswers.push(new EvoApiError('network', 'Cannot reach evo.test'));
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing', 'connection:offline']);
    await run(2000); // the backoff after one failure: 1.5 intervals when random() is 0.5
    expect(evo.api.signIn).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual([
      'connection:online',
      'ringing',
      'connection:offline',
      'connection:online',
    ]);
    await w.watcher.stop();
  });

  it('maps failures to what the agent is told: offline, error, signed-out', async () => {
    const evo = fakeEvo();
    evo.state.nextListFailures.push(
      new EvoApiError('timeout', 'Evo Voice did not answer in time'),
      new EvoApiError('server', 'Evo Voice had a problem (HTTP 500)', { status: 500 }),
      new EvoApiError('bad-response', 'Evo Voice sent something that is not JSON'),
    );
    const w = watch(evo);
    await w.watcher.start();
    await run(60_000);
    const connections = w.events.filter((e) => e.event === 'connection');
    expect(connections.map((e) => [e.status, e.detail])).toEqual([
      ['offline', 'Evo Voice did not answer in time'],
      ['error', 'Evo Voice had a problem (HTTP 500)'],
      ['online', undefined],
    ]);
    await w.watcher.stop();
  });

  it('words a failure in the language it is given, from the error; the engine keeps English', async () => {
    const refused = () =>
      errorForNetwork(
        new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
        'evo.test',
      );
    const offline = async (translate?: () => Translate) => {
      const evo = fakeEvo();
      evo.state.nextListFailures.push(refused());
      const w = watch(evo, translate === undefined ? {} : { translate });
      await w.watcher.start();
      await run(1000);
      await w.watcher.stop();
      const connection = w.events.find((e) => e.event === 'connection' && e.status === 'offline');
      return connection?.event === 'connection' ? connection : undefined;
    };
    expect((await offline(() => createTranslator('es')))?.detail).toBe(
      'No se puede conectar con evo.test: conexión rechazada.',
    );
    expect((await offline())?.detail).toBe('Cannot reach evo.test: connection refused.');
  });

  it("reports each poll's sessions or error", async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    evo.state.nextListFailures.push(new EvoApiError('network', 'Cannot reach evo.test'));
    const polls: unknown[] = [];
    // random() 0: the backoff after one failure is one interval.
    const w = watch(evo, { onPoll: (p) => polls.push(p), random: () => 0 });
    await w.watcher.start();
    await run(1000);
    expect(polls).toEqual([
      { at: Date.parse('2026-11-26T20:00:00Z'), error: expect.any(EvoApiError) },
      { at: Date.parse('2026-11-26T20:00:01Z'), sessions: [ringing('s1')] },
    ]);
    await w.watcher.stop();
  });

  it('an answer too large to read is its own state, and polling keeps its interval', async () => {
    const evo = fakeEvo();
    const tooLarge = () =>
      new EvoApiError(
        'bad-response',
        'Evo Voice sent a list larger than 64 MB, too large to watch.',
        {
          bodyLimitBytes: 64 * 1024 * 1024,
        },
      );
    evo.state.nextListFailures.push(tooLarge(), tooLarge(), tooLarge(), tooLarge());
    evo.state.listed = [ringing('s1')];
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    expect(w.events[0]).toMatchObject({
      event: 'connection',
      status: 'too-large',
      title: 'Too many calls to watch',
      detail: 'Evo Voice sent a list larger than 64 MB, too large to watch.',
    });
    // Four failures in a row would have backed off to 15 intervals (random() is 0); here each
    // poll follows the last by one interval, so the ring comes at the fifth, 4 s after start.
    await run(4000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(5);
    expect(w.kinds()).toEqual(['connection:too-large', 'connection:online', 'ringing']);
    await w.watcher.stop();
  });

  it('waits as long as a rate-limited answer asks', async () => {
    const evo = fakeEvo();
    evo.state.nextListFailures.push(
      new EvoApiError('rate-limited', 'Too many requests', { status: 429, retryAfterMs: 30_000 }),
    );
    const w = watch(evo);
    await w.watcher.start();
    await run(29_999);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    await run(1);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });

  it('an exception in onEvent is logged and the loop goes on', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const seen: string[] = [];
    const w = watch(evo, {
      onEvent: (e) => {
        seen.push(e.event);
        if (e.event === 'connection') throw new Error('tray exploded');
      },
    });
    await w.watcher.start();
    await run(0);
    evo.state.listed = [ringing('s1'), ringing('s2')];
    await run(1000);
    expect(seen).toEqual(['connection', 'ringing', 'ringing']);
    expect(w.logLines.some((l) => l.startsWith('error') && l.includes('tray exploded'))).toBe(true);
    await w.watcher.stop();
  });

  it('an exception in onPoll or onSignedIn is logged and changes nothing else', async () => {
    const evo = fakeEvo();
    evo.state.listed = [ringing('s1')];
    const w = watch(evo, {
      onPoll: () => {
        throw new Error('status bar exploded');
      },
      onSignedIn: () => {
        throw new Error('account view exploded');
      },
    });
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    await run(1000);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    const errors = w.logLines.filter((l) => l.startsWith('error'));
    expect(errors.some((l) => l.includes('status bar exploded'))).toBe(true);
    expect(errors.some((l) => l.includes('account view exploded'))).toBe(true);
    await w.watcher.stop();
  });

  it('setTiming changes the poll interval', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    w.watcher.setTiming({ ...TIMING, pollIntervalMs: 5000 });
    await run(10_000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(3);
    await w.watcher.stop();
  });

  it('stop gives up on a poll in flight at once, and tells nothing about it', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.api.getMySessions.mockImplementationOnce(hangUntilAborted);
    await run(1000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    let stopped = false;
    void w.watcher.stop().then(() => (stopped = true));
    await vi.waitFor(() => expect(stopped).toBe(true)); // no fake time passes
    await run(60_000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual(['connection:online']);
  });

  it('stop gives up on a re-sign-in in flight at once', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    evo.state.expired = true;
    evo.api.signIn.mockImplementationOnce((_server, _user, _password, signal) =>
      hangUntilAborted(signal),
    );
    await run(1000);
    expect(evo.api.signIn).toHaveBeenCalledTimes(1);
    let stopped = false;
    void w.watcher.stop().then(() => (stopped = true));
    await vi.waitFor(() => expect(stopped).toBe(true));
    expect(w.kinds()).toEqual(['connection:online']);
  });

  it('a watcher started again after stop polls again', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    await w.watcher.stop();
    evo.state.listed = [ringing('s1')];
    await w.watcher.start();
    await run(0);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    expect(w.kinds()).toEqual(['connection:online', 'ringing']);
    await w.watcher.stop();
  });

  it('pause stops polling until resume', async () => {
    const evo = fakeEvo();
    const w = watch(evo);
    await w.watcher.start();
    await run(0);
    w.watcher.pause();
    await run(10_000);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(1);
    w.watcher.resume();
    await run(0);
    expect(evo.api.getMySessions).toHaveBeenCalledTimes(2);
    await w.watcher.stop();
  });
});
