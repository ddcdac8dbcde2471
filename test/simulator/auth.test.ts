import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { AGENT, cookieHeader, getJson, signIn, signInRequest, SUPERVISOR } from './sign-in.js';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(() => sim.stop());

const REJECTED = {
  responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' },
};

describe('signing in', () => {
  it('the demo agent signs in and gets ss-id, ss-pid and ss-opt=perm cookies', async () => {
    const response = await signInRequest(sim.url, {
      provider: 'credentials',
      userName: AGENT.username,
      password: AGENT.password,
      rememberMe: true,
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const names = cookies.map((c) => c.split('=')[0]);
    expect(names).toEqual(['ss-id', 'ss-pid', 'ss-opt']);
    for (const cookie of cookies) expect(cookie).toMatch(/; Path=\/;.*HttpOnly/);
    expect(cookies[2]).toMatch(/^ss-opt=perm;/);
    const body = (await response.json()) as Record<string, unknown>;
    const ssId = /^ss-id=([^;]+)/.exec(cookies[0] ?? '')?.[1];
    expect(body).toEqual({
      userId: AGENT.id,
      sessionId: ssId,
      userName: AGENT.username,
      displayName: `${AGENT.firstName} ${AGENT.lastName}`,
      bearerToken: '',
      refreshToken: '',
      roles: expect.arrayContaining(['User']),
      permissions: [],
    });
  });

  it('each sign-in gets fresh, long random session ids', async () => {
    const first = await signIn(sim.url);
    const second = await signIn(sim.url);
    expect(first).not.toBe(second);
    const ids = [...first.matchAll(/ss-(?:id|pid)=([^;]+)/g)].map((m) => m[1] ?? '');
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(20);
  });

  it('accepts PascalCase keys and the /auth route', async () => {
    const response = await fetch(`${sim.url}/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        Provider: 'credentials',
        UserName: AGENT.username,
        Password: AGENT.password,
        RememberMe: true,
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { userName: string }).userName).toBe(AGENT.username);
  });

  it('a wrong password is rejected with 401 and the ServiceStack error, setting no cookie', async () => {
    const response = await signInRequest(sim.url, {
      provider: 'credentials',
      userName: AGENT.username,
      password: 'not-the-password',
      rememberMe: true,
    });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.json()).toEqual(REJECTED);
  });

  it('an unknown user is rejected exactly like a wrong password', async () => {
    const response = await signInRequest(sim.url, {
      userName: 'nobody@demo.evovoice.io',
      password: AGENT.password,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(REJECTED);
  });

  it('a sign-in without a password says which field is missing', async () => {
    const response = await signInRequest(sim.url, { userName: AGENT.username });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      responseStatus: { errorCode: string; errors: { fieldName: string }[] };
    };
    expect(body.responseStatus.errorCode).toBe('ValidationException');
    expect(body.responseStatus.errors.map((e) => e.fieldName)).toEqual(['Password']);
  });

  it('a body that is not JSON is a 400, not a crash', async () => {
    const response = await fetch(`${sim.url}/auth/credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"userName": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { responseStatus: { errorCode: string } };
    expect(body.responseStatus.errorCode).toBe('SerializationException');
  });

  it('a provider other than credentials is not found', async () => {
    const response = await fetch(`${sim.url}/auth/github`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: AGENT.username, password: AGENT.password }),
    });
    expect(response.status).toBe(404);
  });

  it('rememberMe false asks for a temporary session', async () => {
    const response = await signInRequest(sim.url, {
      userName: AGENT.username,
      password: AGENT.password,
      rememberMe: false,
    });
    expect(response.headers.getSetCookie()[2]).toMatch(/^ss-opt=temp;/);
  });
});

describe('the signed-in session', () => {
  it('/auth/status describes the signed-in agent', async () => {
    const cookie = await signIn(sim.url);
    const { status, body } = await getJson(`${sim.url}/auth/status`, cookie);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: AGENT.id,
      isAuthenticated: true,
      firstName: AGENT.firstName,
      lastName: AGENT.lastName,
      name: `${AGENT.firstName} ${AGENT.lastName}`,
      avatarUrl: `${sim.url}/avatars/${AGENT.id}.svg`,
      emailAddress: AGENT.email,
      roles: expect.arrayContaining(['User']),
      accountIds: [expect.any(String)],
      accountNames: [expect.any(String)],
    });
  });

  it("the agent's avatar is served by the simulator", async () => {
    const response = await fetch(`${sim.url}/avatars/${AGENT.id}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('>JR<');
  });

  it('/sessions/my without a cookie is 401 with a responseStatus', async () => {
    const { status, body } = await getJson(`${sim.url}/sessions/my`);
    expect(status).toBe(401);
    expect(body).toEqual({
      responseStatus: { errorCode: 'Unauthorized', message: expect.any(String) },
    });
  });

  it('a made-up cookie is not signed in', async () => {
    const { status } = await getJson(`${sim.url}/sessions/my`, 'ss-id=guess; ss-pid=guess');
    expect(status).toBe(401);
  });

  it('/sessions/my with the cookie lists the signed-in agent’s calls only', async () => {
    const mine = sim.calls.arrive();
    sim.calls.arrive({ agent: SUPERVISOR.username });
    const cookie = await signIn(sim.url);
    const { status, body } = await getJson(`${sim.url}/sessions/my?format=json`, cookie);
    expect(status).toBe(200);
    expect(body).toEqual({ sessions: [mine] });
  });

  it('the permanent ss-pid cookie alone is enough', async () => {
    const cookie = await signIn(sim.url);
    const pid = cookie.split('; ').find((c) => c.startsWith('ss-pid='));
    const { status } = await getJson(`${sim.url}/sessions/my`, pid);
    expect(status).toBe(200);
  });

  it('signing out ends that session only', async () => {
    const mine = await signIn(sim.url);
    const other = await signIn(sim.url);
    const response = await fetch(`${sim.url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: mine },
    });
    expect(response.status).toBe(200);
    expect((await getJson(`${sim.url}/sessions/my`, mine)).status).toBe(401);
    expect((await getJson(`${sim.url}/sessions/my`, other)).status).toBe(200);
  });

  it('GET /auth/logout works too', async () => {
    const cookie = await signIn(sim.url);
    expect((await getJson(`${sim.url}/auth/logout`, cookie)).status).toBe(200);
    expect((await getJson(`${sim.url}/sessions/my`, cookie)).status).toBe(401);
  });

  it('expired sessions answer 401 until the agent signs in again', async () => {
    const cookie = await signIn(sim.url);
    sim.faults.expireSessions();
    expect((await getJson(`${sim.url}/sessions/my`, cookie)).status).toBe(401);
    const fresh = await signIn(sim.url);
    expect((await getJson(`${sim.url}/sessions/my`, fresh)).status).toBe(200);
  });

  it('the sessionId from the sign-in response works as a bearer token', async () => {
    const response = await signInRequest(sim.url, {
      userName: AGENT.username,
      password: AGENT.password,
    });
    const { sessionId } = (await response.json()) as { sessionId: string };
    const sessions = await fetch(`${sim.url}/sessions/my`, {
      headers: { Authorization: `Bearer ${sessionId}` },
    });
    expect(sessions.status).toBe(200);
    expect(cookieHeader(response)).toContain(`ss-id=${sessionId}`);
  });
});

describe('routes', () => {
  it('an unknown route is 404 with a responseStatus', async () => {
    const cookie = await signIn(sim.url);
    const { status, body } = await getJson(`${sim.url}/nothing/here`, cookie);
    expect(status).toBe(404);
    expect(body).toMatchObject({ responseStatus: { errorCode: 'NotFound' } });
  });

  it('a known route with the wrong method is 405', async () => {
    const cookie = await signIn(sim.url);
    const response = await fetch(`${sim.url}/sessions/my`, {
      method: 'DELETE',
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(405);
  });

  it('a path with broken percent-encoding is a 400, and the server keeps answering', async () => {
    const cookie = await signIn(sim.url);
    expect((await getJson(`${sim.url}/sessions/%E0%A4%A`, cookie)).status).toBe(400);
    expect((await getJson(`${sim.url}/sessions/my`, cookie)).status).toBe(200);
  });

  it('a sign-in body over 64 KB is refused with 413', async () => {
    const response = await signInRequest(sim.url, {
      userName: AGENT.username,
      password: 'x'.repeat(70_000),
    });
    expect(response.status).toBe(413);
  });

  it('logs every request with its path (without the query) and status', async () => {
    await getJson(`${sim.url}/sessions/my?format=json`);
    const cookie = await signIn(sim.url);
    await getJson(`${sim.url}/sessions/my`, cookie);
    expect(sim.requests.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/sessions/my', status: 401 },
      { method: 'POST', path: '/auth/credentials', status: 200 },
      { method: 'GET', path: '/sessions/my', status: 200 },
    ]);
    for (const request of sim.requests) expect(request.at).toEqual(expect.any(Number));
  });
});
