import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInPatiently, type SignInAttempt } from '../../main/cli/sign-in.js';
import { EvoApiError, type EvoApi } from '../../main/evo/api.js';
import type { AgentProfile } from '../../main/boundary/session.js';
import { silentLogger } from '../../main/log.js';
import { systemClock } from '../../main/watch/clock.js';

const PROFILE: AgentProfile = { name: 'Alex Agent' };

function apiAnswering(...answers: (AgentProfile | EvoApiError)[]) {
  const signIn = vi.fn(async (..._args: Parameters<EvoApi['signIn']>) => {
    const answer = answers.shift() ?? PROFILE;
    if (answer instanceof EvoApiError) throw answer;
    return answer;
  });
  const api: EvoApi = {
    signIn,
    getMySessions: async () => [],
    getSession: async () => ({ id: 'x' }),
    sendAction: async () => {},
    signOut: async () => {},
  };
  return { api, signIn };
}

function attempt(api: EvoApi, signal = new AbortController().signal): SignInAttempt {
  return {
    api,
    server: 'https://evovoice.io',
    username: 'agent@example.com',
    password: 'secret',
    clock: systemClock,
    random: () => 0,
    intervalMs: 1000,
    log: silentLogger,
    signal,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the first sign-in', () => {
  it('retries with backoff while the server cannot be reached', async () => {
    const { api, signIn } = apiAnswering(
      new EvoApiError('network', 'Cannot reach evovoice.io'),
      new EvoApiError('server', 'Evo Voice had a problem (HTTP 502)'),
    );
    const outcome = signInPatiently(attempt(api));
    await vi.advanceTimersByTimeAsync(999);
    expect(signIn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(signIn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await outcome).toEqual({ kind: 'signed-in', profile: PROFILE });
    expect(signIn).toHaveBeenCalledTimes(3);
  });

  it('never retries a rejected password', async () => {
    const { api, signIn } = apiAnswering(
      new EvoApiError('rejected-credentials', 'Wrong email or password.', {
        status: 401,
        serverMessage: 'Invalid UserName or Password',
      }),
    );
    const outcome = await signInPatiently(attempt(api));
    expect(outcome).toEqual({
      kind: 'rejected',
      message: 'Wrong email or password. (Invalid UserName or Password)',
    });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('gives up at once on an unusable server address', async () => {
    const { api } = apiAnswering(
      new EvoApiError('bad-server-url', 'That is not a server address.'),
    );
    expect(await signInPatiently(attempt(api))).toEqual({
      kind: 'bad-server',
      message: 'That is not a server address.',
    });
  });

  it('says why it retries, and when, in whole sentences', async () => {
    const { api } = apiAnswering(
      new EvoApiError('network', 'Cannot reach evovoice.io: connection refused.'),
      new EvoApiError('server', 'Evo Voice had a problem (HTTP 502). Try again in a moment.'),
      new EvoApiError(
        'rate-limited',
        'Evo Voice is busy (429 Too Many Requests); try again in 9 s.',
        {
          retryAfterMs: 9000,
        },
      ),
    );
    const warnings: string[] = [];
    const outcome = signInPatiently({
      ...attempt(api),
      random: () => 1,
      log: { ...silentLogger, warn: (m) => warnings.push(m) },
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await outcome;
    expect(warnings).toEqual([
      'Could not sign in to https://evovoice.io: Cannot reach evovoice.io: connection refused; trying again in 2 s.',
      'Could not sign in to https://evovoice.io: Evo Voice had a problem (HTTP 502); trying again in 4 s.',
      'Could not sign in to https://evovoice.io: Evo Voice is busy (429 Too Many Requests); trying again in 9 s.',
    ]);
  });

  it('gives up a sign-in in flight when the agent stops the command', async () => {
    const { api, signIn } = apiAnswering();
    signIn.mockImplementationOnce(
      (_server: string, _user: string, _password: string, signal?: AbortSignal) =>
        new Promise<AgentProfile>((_resolve, reject) =>
          signal?.addEventListener('abort', () =>
            reject(new EvoApiError('cancelled', 'Stopped waiting for evovoice.io.')),
          ),
        ),
    );
    const stop = new AbortController();
    const outcome = signInPatiently(attempt(api, stop.signal));
    await vi.advanceTimersByTimeAsync(10);
    stop.abort();
    expect(await outcome).toEqual({ kind: 'stopped' });
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the agent stops the command', async () => {
    const { api, signIn } = apiAnswering(new EvoApiError('timeout', 'No answer'));
    const stop = new AbortController();
    const outcome = signInPatiently(attempt(api, stop.signal));
    await vi.advanceTimersByTimeAsync(10);
    stop.abort();
    expect(await outcome).toEqual({ kind: 'stopped' });
    expect(signIn).toHaveBeenCalledTimes(1);
  });
});
