// The capability as the app wires it: which leg of the call hold and hang up name comes from
// who this agent is (the ids /app/config gave), else the session's own callSid.
import { describe, expect, it } from 'vitest';
import { createAppStore, initialAppState, withPoll } from '../../main/app/app-state.js';
import { connectCallActions } from '../../main/app/call-action-wiring.js';
import type { AgentIdentity } from '../../main/boundary/call-action-rules.js';
import type { EvoApi } from '../../main/evo/api.js';
import type { Session } from '../../main/boundary/session.js';
import { silentLogger } from '../../main/log.js';
import type { Watcher } from '../../main/watch/watcher.js';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';

const call: Session = {
  id: 's1',
  callState: 'Connected',
  direction: 'Incoming',
  callSid: 'CA-session',
  members: [
    { role: 'Caller', identity: '+15035550100', callSid: 'CA-caller' },
    { role: 'Agent', identity: 'client:someone-else', callSid: 'CA-other-agent' },
    { role: 'Agent', identity: 'client:u1', endpointId: 'ep-u1', callSid: 'CA-mine' },
  ],
};

async function holdWith(ids: AgentIdentity | undefined) {
  const sent: unknown[] = [];
  const store = createAppStore(initialAppState(DEFAULT_SETTINGS, 'available'));
  store.update((s) => withPoll(s, Date.now(), [call]));
  const api = {
    sendAction: async (request: unknown) => void sent.push(request),
  } as unknown as EvoApi;
  const watcher = {
    signedIn: <T>(work: (signal: AbortSignal) => Promise<T>) => work(new AbortController().signal),
    pollNow() {},
  } as unknown as Watcher;
  const actions = connectCallActions({
    store,
    api,
    watcher: () => watcher,
    saveSettings() {},
    notifier: { show() {} },
    log: silentLogger,
    ...(ids === undefined ? {} : { agentIds: () => ids }),
  });
  expect(await actions.perform({ sessionId: 's1', action: 'hold' })).toEqual({ ok: true });
  return sent;
}

describe('the leg hold names', () => {
  it("is this agent's, by identity or by endpoint, once /app/config has said who they are", async () => {
    for (const ids of [{ identity: 'client:u1' }, { endpointId: 'ep-u1' }]) {
      const [request] = await holdWith(ids);
      expect(request).toMatchObject({ body: { callSid: 'CA-mine' } });
    }
  });

  it("is the session's own before that", async () => {
    const [request] = await holdWith(undefined);
    expect(request).toMatchObject({ body: { callSid: 'CA-session' } });
  });
});
