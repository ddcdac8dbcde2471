// The simulator's call actions and the answers it gives like the real server
// (docs/SIMULATOR.md, ../shared/evo-voice-api.md "Acting on a call").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { AGENT, getJson, signIn, SUPERVISOR } from './sign-in.js';

interface Answer {
  responseStatus: { errorCode: string; message: string };
  items: { log: unknown[] }[];
}

let sim: Simulator;
let cookie: string;
beforeEach(async () => {
  sim = await startSimulator();
  cookie = await signIn(sim.url);
});
afterEach(() => sim.stop());

async function send(method: string, path: string, body?: unknown, as = cookie) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      Cookie: as,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const answer = (text === '' ? {} : JSON.parse(text)) as Answer;
  return { status: response.status, body: answer };
}

const listed = (user = AGENT.username) => sim.calls.listFor(user).map((s) => s.id);

function connectedCall() {
  const call = sim.calls.arrive({ endpointName: 'Sales Line' });
  sim.calls.answer(call.id);
  return call;
}

describe('decline (POST /sessions/{id}/reject)', () => {
  it('the call leaves the agent and rings the next agent', async () => {
    const call = sim.calls.arrive();
    expect((await send('POST', `/sessions/${call.id}/reject`)).status).toBe(200);
    expect(listed()).not.toContain(call.id);
    expect(listed(SUPERVISOR.username)).toContain(call.id);
    expect(sim.calls.get(call.id)).toMatchObject({ callState: 'Ringing', ended: false });
  });

  it('when every agent declined, it ends as missed', async () => {
    const call = sim.calls.arrive();
    await send('POST', `/sessions/${call.id}/reject`);
    const theirs = await signIn(sim.url, SUPERVISOR);
    expect((await send('POST', `/sessions/${call.id}/reject`, undefined, theirs)).status).toBe(200);
    expect(sim.calls.get(call.id)).toMatchObject({ ended: true, wasMissed: true });
    expect(listed(SUPERVISOR.username)).toEqual([]);
  });

  it('a call that is not ringing is refused with the reason (409)', async () => {
    const call = connectedCall();
    const { status, body } = await send('POST', `/sessions/${call.id}/reject`);
    expect(status).toBe(409);
    expect(body.responseStatus.message).toMatch(/Only a ringing session can be rejected/);
  });
});

describe('hold and resume', () => {
  it('hold with the agent callSid puts the call in the line hold queue; PATCH Connected resumes', async () => {
    const call = connectedCall();
    const agentSid = call.members?.find((m) => m.role === 'Agent')?.callSid;
    const held = await send('POST', `/sessions/${call.id}/hold`, {
      callSid: agentSid,
      reason: 'None',
    });
    expect(held.status).toBe(200);
    expect(sim.calls.get(call.id)).toMatchObject({
      callState: 'Hold',
      holdQueueName: 'Sales Hold',
      holdReason: 'None',
      heldByUserId: AGENT.id,
    });
    const back = await send('PATCH', `/sessions/${call.id}`, { callState: 'Connected' });
    expect(back.status).toBe(200);
    expect(sim.calls.get(call.id)).toMatchObject({ callState: 'Connected', holdReason: 'None' });
    expect(sim.calls.get(call.id)?.holdQueueName).toBeUndefined();
  });

  it('reason Transferring holds for a transfer', async () => {
    const call = connectedCall();
    await send('POST', `/sessions/${call.id}/hold`, {
      callSid: call.callSid,
      reason: 'Transferring',
    });
    expect(sim.calls.get(call.id)).toMatchObject({ callState: 'Hold', holdReason: 'Transferring' });
  });

  it('refuses an unknown callSid, a missing one, a ringing call and resuming a call not held', async () => {
    const call = connectedCall();
    const unknown = await send('POST', `/sessions/${call.id}/hold`, { callSid: 'CAnope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.responseStatus.message).toMatch(/No call leg 'CAnope'/);
    expect((await send('POST', `/sessions/${call.id}/hold`, {})).status).toBe(400);
    expect((await send('PATCH', `/sessions/${call.id}`, { callState: 'Connected' })).status).toBe(
      409,
    );
    const ringing = sim.calls.arrive();
    const early = await send('POST', `/sessions/${ringing.id}/hold`, { callSid: ringing.callSid });
    expect(early.status).toBe(409);
    expect(sim.calls.get(call.id)?.callState).toBe('Connected');
  });
});

describe('transfer (POST /sessions/{id}/redirect) and hang up (DELETE /sessions/{id})', () => {
  it('a redirected call leaves the agent list, connected to the destination', async () => {
    const call = connectedCall();
    const { status } = await send('POST', `/sessions/${call.id}/redirect`, { destination: '2040' });
    expect(status).toBe(200);
    expect(listed()).not.toContain(call.id);
    expect(sim.calls.get(call.id)).toMatchObject({ destination: '2040', ended: false });
    // Gone from the agent: a second action is refused.
    expect((await send('DELETE', `/sessions/${call.id}`)).status).toBe(409);
  });

  it('a transfer without a destination is refused (400)', async () => {
    const call = connectedCall();
    expect((await send('POST', `/sessions/${call.id}/redirect`, {})).status).toBe(400);
    expect(listed()).toContain(call.id);
  });

  it('DELETE with the callSid ends the call; a second DELETE is 404', async () => {
    const call = connectedCall();
    const path = `/sessions/${call.id}?callSid=${call.callSid}`;
    expect((await send('DELETE', path)).status).toBe(200);
    expect(sim.calls.get(call.id)).toMatchObject({ ended: true, callState: 'Disconnected' });
    expect(listed()).not.toContain(call.id);
    expect((await send('DELETE', path)).status).toBe(404);
    expect((await send('DELETE', `/sessions/nope`)).status).toBe(404);
  });

  it('DELETE with an unknown callSid is refused and the call goes on', async () => {
    const call = connectedCall();
    expect((await send('DELETE', `/sessions/${call.id}?callSid=CAother`)).status).toBe(400);
    expect(sim.calls.get(call.id)?.ended).toBe(false);
  });
});

describe('answers like the real server', () => {
  it('a user without the User role gets 403 Invalid Role on the session routes', async () => {
    await sim.stop();
    const [first] = DEMO_USERS;
    if (!first) throw new Error('no demo user');
    sim = await startSimulator({ users: [{ ...first, roles: ['Agent'] }] });
    cookie = await signIn(sim.url);
    const call = sim.calls.arrive();
    const { status, body } = await send('POST', `/sessions/${call.id}/reject`);
    expect(status).toBe(403);
    expect(body).toEqual({ responseStatus: { errorCode: 'Forbidden', message: 'Invalid Role' } });
    expect((await getJson(`${sim.url}/sessions/my`, cookie)).status).toBe(403);
  });

  it('a queued call sends callState Disconnected', async () => {
    const call = sim.calls.arrive({ queued: true });
    expect(sim.calls.get(call.id)).toMatchObject({
      queueState: 'Queued',
      callState: 'Disconnected',
    });
  });

  it('GET /sessions/{id} strips the log; GET /sessions?specificIds= keeps it', async () => {
    const call = connectedCall();
    const one = await getJson(`${sim.url}/sessions/${call.id}`, cookie);
    expect(one.body).toMatchObject({ id: call.id, log: [] });
    const list = await getJson(`${sim.url}/sessions?specificIds=${call.id}`, cookie);
    expect(list.body).toMatchObject({ totalCount: 1, hasMorePages: false });
    expect((list.body as Answer).items[0]?.log.length).toBeGreaterThan(1);
    const none = await getJson(`${sim.url}/sessions?specificIds=nope`, cookie);
    expect(none.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it('HTTP Basic auth is accepted; a 401 carries WWW-Authenticate', async () => {
    const basic = `Basic ${Buffer.from(`${AGENT.username}:${AGENT.password}`).toString('base64')}`;
    const ok = await fetch(`${sim.url}/sessions/my`, { headers: { Authorization: basic } });
    expect(ok.status).toBe(200);
    const wrong = `Basic ${Buffer.from(`${AGENT.username}:nope`).toString('base64')}`;
    const refused = await fetch(`${sim.url}/sessions/my`, { headers: { Authorization: wrong } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('credentials realm="/auth/credentials"');
  });

  it('GET /auth/status without a session answers 200 isAuthenticated: false', async () => {
    const { status, body } = await getJson(`${sim.url}/auth/status`);
    expect(status).toBe(200);
    expect(body).toEqual({ isAuthenticated: false });
  });
});
