// Each action's request through the app's client against the simulator: it changes the call,
// a refusal comes back in the server's words, a 401 costs one silent sign-in and the action is
// performed once, and nothing is ever resent on its own.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionRequest } from '../../main/call-actions/requests.js';
import { actionFailureWords } from '../../main/call-actions/words.js';
import type { CallAction } from '../../main/boundary/contract.js';
import type { EvoApi } from '../../main/evo/api.js';
import { createEvoClient } from '../../main/evo/client.js';
import type { Session } from '../../main/boundary/session.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { createWatcher } from '../../main/watch/watcher.js';
import { watchSecrets } from '../evo/secrets.js';

const secrets = watchSecrets();
let sim: Simulator;
let api: EvoApi;

function agent() {
  const user = sim.users[0];
  if (user === undefined) throw new Error('the simulator has no users');
  return user;
}

beforeEach(async () => {
  sim = await startSimulator();
  api = createEvoClient({ fetch: secrets.fetch });
  await api.signIn(sim.url, agent().username, agent().password);
});
afterEach(() => sim.stop());
afterAll(() => secrets.expectNoLeak([agent().password]));

/** The request as the app builds it, for the call as the simulator has it now. */
function requestFor(id: string, action: CallAction, destination?: string) {
  const session = sim.calls.get(id) as Session;
  const planned = actionRequest(session, action, { userId: agent().id }, destination);
  if (!planned.ok) throw new Error(planned.error);
  return planned.request;
}

const act = (id: string, action: CallAction, destination?: string) =>
  api.sendAction(requestFor(id, action, destination));

const hits = (path: string) => sim.requests.filter((r) => r.path === path);
const signIns = () => hits('/auth/credentials').length;

function connectedCall(): Session {
  const call = sim.calls.arrive({ endpointName: 'Support Line' });
  sim.calls.answer(call.id);
  return call;
}

describe('each action changes the call in the simulator', () => {
  it('decline: the call leaves the agent', async () => {
    const call = sim.calls.arrive();
    await act(call.id, 'decline');
    expect(sim.calls.listFor(agent().username)).toEqual([]);
  });

  it('hold then resume (PATCH callState Connected)', async () => {
    const call = connectedCall();
    await act(call.id, 'hold');
    expect(sim.calls.get(call.id)).toMatchObject({
      callState: 'Hold',
      holdQueueName: 'Support Hold',
    });
    await act(call.id, 'resume');
    expect(sim.calls.get(call.id)?.callState).toBe('Connected');
  });

  it('transfer: the call leaves the agent, connected to the destination', async () => {
    const call = connectedCall();
    await act(call.id, 'transfer', 'sip:desk@pbx.example.com');
    expect(sim.calls.get(call.id)?.destination).toBe('sip:desk@pbx.example.com');
    expect(sim.calls.listFor(agent().username)).toEqual([]);
  });

  it('hang up: DELETE with the callSid ends it', async () => {
    const call = connectedCall();
    await act(call.id, 'hangUp');
    expect(sim.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 });
    expect(sim.calls.get(call.id)?.ended).toBe(true);
  });
});

describe('refusals, in the agent words', () => {
  it('a state the server refuses (409): its own message', async () => {
    const call = connectedCall();
    const request = requestFor(call.id, 'hold');
    sim.calls.hold(call.id, 'Sales Hold');
    const error = await secrets.failure(api.sendAction(request));
    expect(actionFailureWords('hold', error)).toBe(
      'Only a connected session can be put on hold; this one is Hold.',
    );
  });

  it('a call already ended (404): "This call has already ended."', async () => {
    const call = connectedCall();
    const request = requestFor(call.id, 'hangUp');
    sim.calls.end(call.id);
    const error = await secrets.failure(api.sendAction(request));
    expect(actionFailureWords('hangUp', error)).toBe('This call has already ended.');
  });

  it('a missing role (403): "Your account is not allowed to …"', async () => {
    await sim.stop();
    sim = await startSimulator({ users: [{ ...agent(), roles: ['Agent'] }] });
    api = createEvoClient({ fetch: secrets.fetch });
    await api.signIn(sim.url, agent().username, agent().password);
    const call = sim.calls.arrive();
    const error = await secrets.failure(act(call.id, 'decline'));
    expect(actionFailureWords('decline', error)).toBe(
      'Your account is not allowed to decline calls.',
    );
  });
});

describe('sent once', () => {
  function watcherOn(client: EvoApi) {
    return createWatcher({
      api: client,
      server: sim.url,
      username: agent().username,
      password: async () => agent().password,
      timing: { pollIntervalMs: 3000, holdAlertDelayMs: 0, holdReminderMs: 0 },
      onEvent: () => {},
    });
  }

  it('after a 401: one silent sign-in, then the action once', async () => {
    const call = connectedCall();
    const request = requestFor(call.id, 'hold');
    sim.faults.expireSessions();
    const before = signIns();
    await watcherOn(api).signedIn((signal) => api.sendAction(request, signal));
    expect(signIns()).toBe(before + 1);
    expect(hits(`/sessions/${call.id}/hold`).map((r) => r.status)).toEqual([401, 200]);
    expect(
      sim.calls.get(call.id)?.log?.filter((l) => l.message?.startsWith('Placed on hold')),
    ).toHaveLength(1);
  });

  it('a second 401 after the sign-in is not tried a third time', async () => {
    const call = connectedCall();
    const request = requestFor(call.id, 'hold');
    sim.faults.expireSessions();
    const watcher = watcherOn(api);
    const error = await secrets.failure(
      watcher.signedIn(async (signal) => {
        sim.faults.expireSessions();
        return api.sendAction(request, signal);
      }),
    );
    expect(error.kind).toBe('rejected-credentials');
    expect(hits(`/sessions/${call.id}/hold`).map((r) => r.status)).toEqual([401, 401]);
  });

  it.each(['server-error-html', 'connection-reset', 'rate-limited'] as const)(
    'a failure (%s) is not resent',
    async (fault) => {
      const call = connectedCall();
      sim.faults.inject(fault, { pathPrefix: `/sessions/${call.id}/hold` });
      await secrets.failure(
        watcherOn(api).signedIn((signal) => api.sendAction(requestFor(call.id, 'hold'), signal)),
      );
      expect(hits(`/sessions/${call.id}/hold`)).toHaveLength(1);
      expect(sim.calls.get(call.id)?.callState).toBe('Connected');
    },
  );
});
