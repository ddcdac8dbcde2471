// Performing an action: checked against the call as last polled, one request, shared while in
// flight, words for each failure, and what it silences afterwards.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/contract.js';
import { EvoApiError, type ActionRequest } from '../../main/evo/api.js';
import { errorForNetwork } from '../../main/evo/http-errors.js';
import { ALREADY_ENDED, createCallActions } from '../../main/call-actions/perform.js';
import { ACTION_QUIET_MS, type DoneAction } from '../../main/call-actions/suppress.js';
import { applySettingsPatch } from '../../main/settings/index.js';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';

const T0 = Date.parse('2026-12-04T15:00:00Z');

function setup(calls: Session[], answer: (r: ActionRequest) => Promise<void> = async () => {}) {
  const sent: ActionRequest[] = [];
  const done: { entry: DoneAction; destination?: string }[] = [];
  let now = T0;
  const actions = createCallActions({
    findCall: (id) => calls.find((c) => c.id === id),
    agent: () => ({ userId: 'u-me' }),
    send: (request) => {
      sent.push(request);
      return answer(request);
    },
    onDone: (entry, destination) => done.push({ entry, destination }),
    now: () => now,
  });
  return { actions, sent, done, later: (ms: number) => (now += ms) };
}

const connected: Session = { id: 'c1', callState: 'Connected', callSid: 'CA1' };
const ringing: Session = { id: 'r1', callState: 'Ringing', queueState: 'Ringing' };

describe('performing an action', () => {
  it('sends the request once and reports what was done, with the transfer destination', async () => {
    const { actions, sent, done } = setup([connected]);
    expect(
      await actions.perform({ sessionId: 'c1', action: 'transfer', destination: '(503) 555-0100' }),
    ).toEqual({ ok: true });
    expect(sent).toEqual([
      { method: 'POST', path: '/sessions/c1/redirect', body: { destination: '5035550100' } },
    ]);
    expect(done).toEqual([
      { entry: { sessionId: 'c1', action: 'transfer', at: T0 }, destination: '5035550100' },
    ]);
  });

  it('refuses, without a request, what the state does not allow or a call gone from the list', async () => {
    const { actions, sent } = setup([connected, ringing]);
    expect(await actions.perform({ sessionId: 'r1', action: 'hold' })).toEqual({
      ok: false,
      error: 'Only a connected call of yours can be put on hold (this one is ringing).',
    });
    expect(await actions.perform({ sessionId: 'gone', action: 'hangUp' })).toEqual({
      ok: false,
      error: ALREADY_ENDED,
    });
    expect(
      await actions.perform({ sessionId: 'c1', action: 'transfer', destination: 'x;y' }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/not a number/) });
    expect(sent).toEqual([]);
  });

  it('a double click shares one request; another action on the call waits its turn', async () => {
    let release = () => {};
    const { actions, sent } = setup(
      [connected],
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const first = actions.perform({ sessionId: 'c1', action: 'hold' });
    const second = actions.perform({ sessionId: 'c1', action: 'hold' });
    expect(await actions.perform({ sessionId: 'c1', action: 'hangUp' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/still being sent/),
    });
    release();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
  });

  it.each([
    [
      new EvoApiError('forbidden', 'x', { status: 403 }),
      'Your account is not allowed to put calls on hold.',
    ],
    [new EvoApiError('not-found', 'x', { status: 404 }), 'This call has already ended.'],
    [
      new EvoApiError('bad-response', 'x', {
        status: 409,
        serverMessage: 'Only a connected session can be put on hold; this one is Hold',
      }),
      'Only a connected session can be put on hold; this one is Hold.',
    ],
    [
      errorForNetwork({ code: 'ECONNREFUSED' }, 'evo.test'),
      'Cannot reach evo.test: connection refused.',
    ],
    [new EvoApiError('timeout', 'x'), expect.stringMatching(/may or may not have changed/)],
  ])('a failure is told in the agent words (%#), and nothing is silenced', async (error, words) => {
    const { actions, done } = setup([connected], () => Promise.reject(error));
    expect(await actions.perform({ sessionId: 'c1', action: 'hold' })).toEqual({
      ok: false,
      error: words,
    });
    expect(done).toEqual([]);
    expect(actions.silences({ event: 'held', sessionId: 'c1' })).toBe(false);
  });
});

describe('what an action silences', () => {
  it('declined is not missed; held by the agent is not news; for a while only', async () => {
    const { actions, later } = setup([connected, ringing]);
    await actions.perform({ sessionId: 'r1', action: 'decline' });
    await actions.perform({ sessionId: 'c1', action: 'hold' });
    expect(actions.silences({ event: 'missed', sessionId: 'r1' })).toBe(true);
    expect(actions.silences({ event: 'held', sessionId: 'c1' })).toBe(true);
    expect(actions.silences({ event: 'held', sessionId: 'r1' })).toBe(false);
    expect(actions.silences({ event: 'ringing', sessionId: 'r1' })).toBe(false);
    later(ACTION_QUIET_MS + 1);
    expect(actions.silences({ event: 'missed', sessionId: 'r1' })).toBe(false);
  });

  it('resuming ends the quiet of the hold: a colleague holding it later is news', async () => {
    const calls: Session[] = [connected];
    const { actions } = setup(calls);
    await actions.perform({ sessionId: 'c1', action: 'hold' });
    calls[0] = { ...connected, callState: 'Hold' };
    await actions.perform({ sessionId: 'c1', action: 'resume' });
    expect(actions.silences({ event: 'held', sessionId: 'c1' })).toBe(false);
  });
});

describe('the recent destinations setting', () => {
  it('keeps up to five checked destinations and refuses anything else', () => {
    const ok = applySettingsPatch(DEFAULT_SETTINGS, {
      recentDestinations: ['2040', 'sip:a@b.example'],
    });
    expect(ok.recentDestinations).toEqual(['2040', 'sip:a@b.example']);
    for (const bad of [['1', '2', '3', '4', '5', '6'].map((n) => `20${n}`), ['20 40'], [42], 'x']) {
      expect(() => applySettingsPatch(DEFAULT_SETTINGS, { recentDestinations: bad })).toThrow(
        /Recent transfer destinations/,
      );
    }
  });
});
