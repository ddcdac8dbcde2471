import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPascalCase } from '../../main/simulator/casing.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { AGENT, getJson, signInRequest } from './sign-in.js';

describe('toPascalCase', () => {
  it('renames every field, deep, but keeps dictionary keys and values as they are', () => {
    expect(
      toPascalCase({
        callState: 'Ringing',
        members: [{ displayName: 'Ann', applicationData: { queueName: 'x' } }],
        log: [],
      }),
    ).toEqual({
      CallState: 'Ringing',
      Members: [{ DisplayName: 'Ann', ApplicationData: { queueName: 'x' } }],
      Log: [],
    });
  });
});

describe('PascalCase mode', () => {
  let sim: Simulator;
  let cookie: string;
  beforeEach(async () => {
    sim = await startSimulator({ casing: 'pascal' });
    const response = await signInRequest(sim.url, {
      userName: AGENT.username,
      password: AGENT.password,
      rememberMe: true,
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['UserId', 'SessionId', 'UserName', 'DisplayName', 'BearerToken']),
    );
    cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  });
  afterEach(() => sim.stop());

  it('sessions, members, log and breadcrumbs come back PascalCase', async () => {
    const { id } = sim.calls.arrive();
    const { body } = await getJson(`${sim.url}/sessions/my`, cookie);
    const sessions = (body as { Sessions: Record<string, unknown>[] }).Sessions;
    expect(sessions).toHaveLength(1);
    const call = sessions[0] ?? {};
    expect(call).toMatchObject({ Id: id, CallState: 'Ringing', QueueState: 'Ringing' });
    expect(call).not.toHaveProperty('callState');
    expect(call.Members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Role: 'Caller', DisplayName: expect.any(String) }),
      ]),
    );
    expect(call.Log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Date: expect.any(String), Message: expect.any(String) }),
      ]),
    );
    expect(call.CustomerBreadcrumb).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Id: expect.any(String), Name: expect.any(String) }),
      ]),
    );
  });

  it('auth status and errors are PascalCase too', async () => {
    const { body: status } = await getJson(`${sim.url}/auth/status`, cookie);
    expect(status).toMatchObject({ IsAuthenticated: true, EmailAddress: AGENT.email });
    const { status: code, body } = await getJson(`${sim.url}/sessions/my`);
    expect(code).toBe(401);
    expect(body).toEqual({
      ResponseStatus: { ErrorCode: 'Unauthorized', Message: expect.any(String) },
    });
  });
});
