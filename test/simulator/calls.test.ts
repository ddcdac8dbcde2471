import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/session.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { AGENT, getJson, signIn, SUPERVISOR } from './sign-in.js';

const AGENT_NAME = `${AGENT.firstName} ${AGENT.lastName}`;
const START = Date.parse('2025-03-04T09:00:00.000Z');

let sim: Simulator;
let clock: number;
let cookie: string;
beforeEach(async () => {
  clock = START;
  sim = await startSimulator({ now: () => clock });
  cookie = await signIn(sim.url);
});
afterEach(() => sim.stop());

/** Moves the simulator's clock on and returns the new time as the API writes it. */
function later(ms: number): string {
  clock += ms;
  return new Date(clock).toISOString();
}

async function listed(): Promise<Session[]> {
  const { status, body } = await getJson(`${sim.url}/sessions/my`, cookie);
  expect(status).toBe(200);
  return (body as { sessions: Session[] }).sessions;
}

async function only(): Promise<Session> {
  const sessions = await listed();
  expect(sessions).toHaveLength(1);
  return sessions[0] as Session;
}

const agentMember = (s: Session) => s.members?.find((m) => m.role === 'Agent');
const callerMember = (s: Session) => s.members?.find((m) => m.role === 'Caller');
const lastLog = (s: Session) => s.log?.at(-1);

describe('a call arriving', () => {
  it('rings for the agent with realistic caller, line and customer data', async () => {
    const { id } = sim.calls.arrive();
    const call = await only();
    expect(call).toMatchObject({
      id,
      callState: 'Ringing',
      queueState: 'Ringing',
      dialState: 'Active',
      direction: 'Incoming',
      ended: false,
      wasMissed: false,
      dateCreated: new Date(START).toISOString(),
    });
    expect(call.fromName).toMatch(/^\S+ \S+$/);
    expect(call.fromAddress).toMatch(/^\+1\d{10}$/);
    expect(call.endpointName).toMatch(/Line$/);
    expect(call.customerBreadcrumb?.at(-1)?.name).toBe(call.customerName);
    expect(call.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.conferenceSid).toMatch(/^CF[0-9a-f]{32}$/);
    expect(agentMember(call)).toMatchObject({ callState: 'Ringing', displayName: AGENT_NAME });
    expect(callerMember(call)).toMatchObject({
      displayName: call.fromName,
      isOriginalMember: true,
    });
    expect(call.log?.[0]?.message).toMatch(/^(Call arrived from|Chat started by) /);
    expect(call.log?.[0]?.date).toBe(new Date(START).toISOString());
  });

  it('keeps what the test gives and generates the rest', async () => {
    sim.calls.arrive({ id: 'call-1', fromName: 'Dana Scully', endpointName: 'Support Line' });
    expect(await only()).toMatchObject({
      id: 'call-1',
      fromName: 'Dana Scully',
      endpointName: 'Support Line',
      callState: 'Ringing',
    });
  });

  it('a queued call waits without ringing, then rings', async () => {
    const { id } = sim.calls.arrive({ queued: true });
    const waiting = await only();
    expect(waiting.queueState).toBe('Queued');
    expect(waiting.callState).not.toBe('Ringing');
    expect(agentMember(waiting)?.callState).toBe('None');
    sim.calls.ring(id);
    expect(await only()).toMatchObject({ callState: 'Ringing', queueState: 'Ringing' });
  });

  it('a call for another agent is not in this agent’s list', async () => {
    sim.calls.arrive({ agent: SUPERVISOR.username });
    expect(await listed()).toEqual([]);
    expect(sim.calls.listFor(SUPERVISOR.username)).toHaveLength(1);
  });

  it('refuses an unknown agent and a duplicate id with a clear error', () => {
    expect(() => sim.calls.arrive({ agent: 'ghost@demo.evovoice.io' })).toThrow(
      /Unknown agent "ghost@demo.evovoice.io"/,
    );
    sim.calls.arrive({ id: 'dup' });
    expect(() => sim.calls.arrive({ id: 'dup' })).toThrow(/already exists/);
  });
});

describe('a call changing state', () => {
  it('answered: connected, answered by the agent', async () => {
    const { id } = sim.calls.arrive();
    const at = later(4000);
    sim.calls.answer(id);
    const call = await only();
    expect(call).toMatchObject({
      callState: 'Connected',
      queueState: 'Connected',
      answeredByName: AGENT_NAME,
      answeredById: AGENT.id,
      dateLastModified: at,
    });
    expect(agentMember(call)?.callState).toBe('Connected');
    expect(lastLog(call)).toEqual({ date: at, message: `Answered by ${AGENT_NAME}` });
  });

  it('held: in the named hold queue, held by the agent, reason None', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    const at = later(10_000);
    sim.calls.hold(id, 'Sales Hold');
    const call = await only();
    expect(call).toMatchObject({
      callState: 'Hold',
      queueState: 'Hold',
      holdQueueName: 'Sales Hold',
      heldByUserId: AGENT.id,
      holdReason: 'None',
    });
    expect(callerMember(call)?.callState).toBe('Hold');
    expect(lastLog(call)).toEqual({ date: at, message: 'Placed on hold in Sales Hold' });
  });

  it('held by someone else records who', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    sim.calls.hold(id, 'Support Hold', 'usr-colleague');
    expect((await only()).heldByUserId).toBe('usr-colleague');
  });

  it('transferring: on hold with reason Transferring', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    sim.calls.transfer(id, 'Billing Hold');
    const call = await only();
    expect(call).toMatchObject({
      callState: 'Hold',
      holdQueueName: 'Billing Hold',
      holdReason: 'Transferring',
    });
    expect(lastLog(call)?.message).toMatch(/^Placed on hold in Billing Hold/);
  });

  it('resumed: connected again, the hold fields cleared', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    sim.calls.hold(id, 'Sales Hold');
    sim.calls.resume(id);
    const call = await only();
    expect(call.callState).toBe('Connected');
    expect(call.holdQueueName).toBeUndefined();
    expect(call.heldByUserId).toBeUndefined();
    expect(call.holdReason).toBe('None');
    expect(lastLog(call)?.message).toBe(`Resumed from hold by ${AGENT_NAME}`);
  });

  it('resuming a call that is not on hold is an error', () => {
    const { id } = sim.calls.arrive();
    expect(() => sim.calls.resume(id)).toThrow(/not on hold/);
  });

  it('ended: disconnected with dateCompleted, still listed until removed', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answer(id);
    const at = later(60_000);
    sim.calls.end(id);
    const call = await only();
    expect(call).toMatchObject({
      ended: true,
      wasMissed: false,
      callState: 'Disconnected',
      queueState: 'Disconnected',
      dateCompleted: at,
      outcome: 'Completed',
    });
    expect(call.members?.every((m) => m.callState === 'None')).toBe(true);
    sim.calls.remove(id);
    expect(await listed()).toEqual([]);
  });

  it('missed: ended with wasMissed, still listed until removed', async () => {
    const { id } = sim.calls.arrive();
    const at = later(25_000);
    sim.calls.miss(id);
    const call = await only();
    expect(call).toMatchObject({
      ended: true,
      wasMissed: true,
      callState: 'Disconnected',
      dateCompleted: at,
    });
    expect(call.answeredByName).toBeUndefined();
    expect(lastLog(call)?.message).toMatch(/^Missed/);
  });

  it('an ended call cannot ring, be answered or held again', () => {
    const { id } = sim.calls.arrive();
    sim.calls.miss(id);
    expect(() => sim.calls.answer(id)).toThrow(/already ended/);
    expect(() => sim.calls.hold(id, 'Sales Hold')).toThrow(/already ended/);
  });

  it('answered elsewhere: leaves the list; GET /sessions/{id} shows who answered', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.answerElsewhere(id, 'Maria Delgado');
    expect(await listed()).toEqual([]);
    const { status, body } = await getJson(`${sim.url}/sessions/${id}`, cookie);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id,
      answeredByName: 'Maria Delgado',
      answeredById: expect.any(String),
      callState: 'Connected',
      wasMissed: false,
    });
  });

  it('removed: leaves the list but can still be looked up', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.remove(id);
    expect(await listed()).toEqual([]);
    expect((await getJson(`${sim.url}/sessions/${id}`, cookie)).status).toBe(200);
  });

  it('archived: GET /sessions/{id} answers 404 with a responseStatus', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.archive(id);
    expect(await listed()).toEqual([]);
    const { status, body } = await getJson(`${sim.url}/sessions/${id}`, cookie);
    expect(status).toBe(404);
    expect(body).toMatchObject({ responseStatus: { errorCode: 'NotFound' } });
    expect(sim.calls.get(id)).toBeUndefined();
  });

  it('GET /sessions/{id} for an id that never existed is 404, and 401 when signed out', async () => {
    expect((await getJson(`${sim.url}/sessions/nope`, cookie)).status).toBe(404);
    expect((await getJson(`${sim.url}/sessions/nope`)).status).toBe(401);
  });

  it('update merges any other change', async () => {
    const { id } = sim.calls.arrive();
    sim.calls.update(id, { consoleData: 'VIP', callState: 'Passive' });
    expect(await only()).toMatchObject({ id, consoleData: 'VIP', callState: 'Passive' });
  });

  it('a change to an unknown call says which id', () => {
    expect(() => sim.calls.answer('missing-id')).toThrow(/No call with id "missing-id"/);
  });

  it('callers cannot change the stored call through what they were given', async () => {
    const call = sim.calls.arrive();
    call.callState = 'Hold';
    sim.calls.get(call.id)?.log?.push({ message: 'tampered' });
    const stored = await only();
    expect(stored.callState).toBe('Ringing');
    expect(stored.log?.some((entry) => entry.message === 'tampered')).toBe(false);
  });
});

describe("the agent's endpoint id (answeredById names an endpoint)", () => {
  async function answeredFor(options: { endpointId?: string }) {
    const own = await startSimulator({ users: [{ ...AGENT, ...options }] });
    try {
      const ownCookie = await signIn(own.url);
      const call = own.calls.arrive();
      own.calls.answer(call.id);
      const config = await getJson(`${own.url}/app/config`, ownCookie);
      const list = await getJson(`${own.url}/sessions/my`, ownCookie);
      const session = (list.body as { sessions: Session[] }).sessions[0] as Session;
      return { config: config.body as { endpointId?: string }, session };
    } finally {
      await own.stop();
    }
  }

  it('a user given their own endpoint id: /app/config, the agent member and answeredById say it', async () => {
    const { config, session } = await answeredFor({ endpointId: 'ep-jordan-desk' });
    expect(config.endpointId).toBe('ep-jordan-desk');
    expect(session.answeredById).toBe('ep-jordan-desk');
    expect(agentMember(session)?.endpointId).toBe('ep-jordan-desk');
    expect(session.answeredById).not.toBe(AGENT.id);
  });

  it('by default (the demo) the endpoint id is the user id', async () => {
    const { config, session } = await answeredFor({});
    expect(config.endpointId).toBe(AGENT.id);
    expect(session.answeredById).toBe(AGENT.id);
    expect(agentMember(session)?.endpointId).toBe(AGENT.id);
  });
});
