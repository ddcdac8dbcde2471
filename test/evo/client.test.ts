// The client over loopback against the Evo Voice simulator.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import type { EvoClientOptions } from '../../main/evo/client.js';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { watchSecrets } from './secrets.js';

const secrets = watchSecrets();
let sim: Simulator;

function agent() {
  const user = sim.users[0];
  if (user === undefined) throw new Error('the simulator has no users');
  return user;
}

function client(options: EvoClientOptions = {}) {
  return createEvoClient({ fetch: secrets.fetch, ...options });
}

async function signedInClient(options: EvoClientOptions = {}) {
  const api = client(options);
  await api.signIn(sim.url, agent().username, agent().password);
  return api;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeEach(async () => {
  sim = await startSimulator();
});

afterEach(async () => {
  await sim.stop();
});

afterAll(() => {
  expect(secrets.handedOut.size).toBeGreaterThan(0);
  secrets.expectNoLeak([agent().password, 'wrong-password-123']);
});

describe('signing in to Evo Voice', () => {
  it('signs in with the credentials provider and answers the agent profile', async () => {
    const api = client();
    const profile = await api.signIn(sim.url, agent().username, agent().password);
    expect(profile).toMatchObject({
      id: agent().id,
      name: `${agent().firstName} ${agent().lastName}`,
      firstName: agent().firstName,
      lastName: agent().lastName,
      email: agent().email,
    });
    expect(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /auth/credentials 200',
      'GET /auth/status 200',
    ]);
  });

  it('sends the session cookies back on every later call', async () => {
    const api = await signedInClient();
    await api.getMySessions();
    const [signIn, status, sessions] = secrets.cookieHeaders.slice(-3);
    expect(signIn).toBeUndefined();
    for (const header of [status, sessions]) {
      expect(header).toMatch(/(^|; )ss-id=[^;]{8,}/);
      expect(header).toMatch(/(^|; )ss-pid=[^;]{8,}/);
      expect(header).toMatch(/(^|; )ss-opt=perm/);
    }
  });

  it('reports a wrong password as rejected, with the server message, and does not retry', async () => {
    const api = client();
    const error = await secrets.failure(
      api.signIn(sim.url, agent().username, 'wrong-password-123'),
    );
    expect(error.kind).toBe('rejected-credentials');
    expect(error.status).toBe(401);
    expect(error.message).toBe('Sign-in was rejected: Invalid UserName or Password');
    expect(sim.requests.filter((r) => r.path === '/auth/credentials')).toHaveLength(1);
  });

  it('refuses a server setting that is not https before sending anything', async () => {
    const error = await secrets.failure(
      client().signIn('http://evovoice.io', agent().username, agent().password),
    );
    expect(error.kind).toBe('bad-server-url');
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses calls made before signing in, with a clear error', async () => {
    const error = await secrets.failure(client().getMySessions());
    expect(error.kind).toBe('rejected-credentials');
    expect(error.message).toMatch(/sign in first/i);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('listing the agent calls', () => {
  it('answers the calls the simulator lists for the agent, normalized', async () => {
    const api = await signedInClient();
    const ringing = sim.calls.arrive({ fromName: 'Dana Caller' });
    const held = sim.calls.arrive();
    sim.calls.answer(held.id);
    sim.calls.hold(held.id, 'Support Hold');
    const sessions = await api.getMySessions();
    expect(sessions).toEqual(sim.calls.listFor());
    expect(sessions.find((s) => s.id === ringing.id)).toMatchObject({
      callState: 'Ringing',
      fromName: 'Dana Caller',
    });
    expect(sessions.find((s) => s.id === held.id)).toMatchObject({
      callState: 'Hold',
      holdQueueName: 'Support Hold',
    });
  });

  it('reads a PascalCase server to the same camelCase sessions', async () => {
    await sim.stop();
    sim = await startSimulator({ casing: 'pascal' });
    sim.calls.arrive({ fromName: 'Dana Caller' });
    const held = sim.calls.arrive();
    sim.calls.answer(held.id);
    sim.calls.hold(held.id, 'Support Hold');
    const api = await signedInClient();
    expect(await api.getMySessions()).toEqual(sim.calls.listFor());
    expect(await api.getSession(held.id)).toEqual(sim.calls.get(held.id));
  });

  it('reports an expired session as rejected-credentials, then asks for a sign-in', async () => {
    const api = await signedInClient();
    sim.faults.expireSessions();
    const expired = await secrets.failure(api.getMySessions());
    expect(expired.kind).toBe('rejected-credentials');
    expect(expired.status).toBe(401);
    expect(expired.message).toMatch(/session has expired/);
    const after = await secrets.failure(api.getMySessions());
    expect(after.message).toMatch(/sign in first/i);
  });

  it('reports an HTML error page as a server error without repeating the page', async () => {
    const api = await signedInClient();
    sim.faults.inject('server-error-html');
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/500 Internal Server Error/);
    expect(error.message).not.toMatch(/<|html/i);
  });

  it('reports malformed JSON as a bad response', async () => {
    const api = await signedInClient();
    sim.faults.inject('malformed-json');
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/not JSON/);
  });

  it('gives up on a server that never answers, at the deadline', async () => {
    const api = await signedInClient({ timeoutMs: 300 });
    sim.faults.inject('hang');
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(new URL(sim.url).host);
  });

  it('reports rate limiting with the wait the server asked for', async () => {
    const api = await signedInClient();
    sim.faults.inject('rate-limited', { retryAfterSeconds: 42 });
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(42_000);
  });

  it('reports a reset connection as a network failure', async () => {
    const api = await signedInClient();
    sim.faults.inject('connection-reset');
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^Cannot reach 127\.0\.0\.1:\d+: /);
  });

  it('reports a refused connection in plain words', async () => {
    const port = await closedPort();
    const error = await secrets.failure(
      client().signIn(`http://127.0.0.1:${port}`, agent().username, agent().password),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`Cannot reach 127.0.0.1:${port}: connection refused.`);
  });

  it('refuses an answer larger than the limit', async () => {
    const api = await signedInClient({ maxBodyBytes: 2048 });
    for (let i = 0; i < 10; i++) sim.calls.arrive();
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/larger than 2 KB/);
  });
});

describe('looking up one call', () => {
  it('answers the call as Evo Voice has it, even after it left the list', async () => {
    const api = await signedInClient();
    const call = sim.calls.arrive();
    sim.calls.answerElsewhere(call.id, 'Sam Other');
    expect(await api.getMySessions()).toEqual([]);
    const session = await api.getSession(call.id);
    expect(session).toMatchObject({ id: call.id, answeredByName: 'Sam Other' });
  });

  it('reports an archived call as not found', async () => {
    const api = await signedInClient();
    const call = sim.calls.arrive();
    sim.calls.archive(call.id);
    const error = await secrets.failure(api.getSession(call.id));
    expect(error.kind).toBe('not-found');
    expect(error.message).toMatch(/no longer on Evo Voice/);
  });

  it('asks GET /sessions?specificIds= (the route that keeps the log); an odd id stays a value', async () => {
    const api = await signedInClient();
    const call = sim.calls.arrive();
    sim.calls.answer(call.id);
    const session = await api.getSession(call.id);
    expect(session.log?.map((l) => l.message)).toEqual(
      sim.calls.get(call.id)?.log?.map((l) => l.message),
    );
    expect(session.log?.length).toBeGreaterThan(1);
    const error = await secrets.failure(api.getSession('a/../../auth/status'));
    expect(error.kind).toBe('not-found');
    expect(sim.requests.at(-1)?.path).toBe('/sessions');
  });
});

describe('signing out', () => {
  it('tells the server and forgets the cookies', async () => {
    const api = await signedInClient();
    await api.signOut();
    expect(sim.requests.at(-1)).toMatchObject({ method: 'POST', path: '/auth/logout' });
    expect(secrets.cookieHeaders.at(-1)).toMatch(/ss-id=/);
    const error = await secrets.failure(api.getMySessions());
    expect(error.kind).toBe('rejected-credentials');
    expect(sim.requests.at(-1)?.path).toBe('/auth/logout');
  });

  it('forgets the cookies even when the server cannot be reached', async () => {
    const api = await signedInClient();
    await sim.stop();
    const sent = secrets.cookieHeaders.length;
    await api.signOut();
    expect(secrets.cookieHeaders.length).toBe(sent + 1);
    const error = await secrets.failure(api.getMySessions());
    expect(error.message).toMatch(/sign in first/i);
    expect(secrets.cookieHeaders.length).toBe(sent + 1);
  });
});
