import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { AGENT, getJson, signIn, signInRequest } from './sign-in.js';

let sim: Simulator;
let cookie: string;
beforeEach(async () => {
  sim = await startSimulator();
  cookie = await signIn(sim.url);
  sim.calls.arrive();
});
afterEach(() => sim.stop());

const poll = () => fetch(`${sim.url}/sessions/my`, { headers: { Cookie: cookie } });

async function expectHealthy(): Promise<void> {
  const response = await poll();
  expect(response.status).toBe(200);
  expect(((await response.json()) as { sessions: unknown[] }).sessions).toHaveLength(1);
}

describe('injected faults', () => {
  it('server-error-html: a 500 HTML page, then normal again', async () => {
    sim.faults.inject('server-error-html');
    const response = await poll();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>[\s\S]*Internal Server Error/);
    await expectHealthy();
  });

  it('malformed-json: a 200 JSON answer that does not parse, then normal again', async () => {
    sim.faults.inject('malformed-json');
    const response = await poll();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    await expectHealthy();
  });

  it('rate-limited: 429 with Retry-After and a ServiceStack body, `count` times', async () => {
    sim.faults.inject('rate-limited', { count: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i++) {
      const response = await poll();
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.json()).toMatchObject({
        responseStatus: { errorCode: 'TooManyRequests', message: expect.stringContaining('7') },
      });
    }
    await expectHealthy();
  });

  it('connection-reset: the socket is destroyed without an answer, then normal again', async () => {
    sim.faults.inject('connection-reset');
    await expect(poll()).rejects.toThrow();
    await expectHealthy();
    expect(sim.requests.at(-2)).toMatchObject({ path: '/sessions/my', status: 0 });
  });

  it('hang: the request is never answered while others are, and stop() still closes', async () => {
    sim.faults.inject('hang');
    let settled = false;
    const hung = poll().finally(() => (settled = true));
    hung.catch(() => {});
    await vi.waitFor(() => expect(sim.requests.some((r) => r.status === 0)).toBe(true));
    await expectHealthy();
    expect(settled).toBe(false);
    await sim.stop();
    await expect(hung).rejects.toThrow();
  });

  it('only requests under pathPrefix fail', async () => {
    sim.faults.inject('server-error-html', { pathPrefix: '/auth' });
    await expectHealthy();
    const response = await signInRequest(sim.url, {
      userName: AGENT.username,
      password: AGENT.password,
    });
    expect(response.status).toBe(500);
    await signIn(sim.url);
  });

  it('faults apply in the order injected', async () => {
    sim.faults.inject('rate-limited');
    sim.faults.inject('server-error-html');
    expect((await poll()).status).toBe(429);
    expect((await poll()).status).toBe(500);
    await expectHealthy();
  });

  it('clear() drops the pending faults', async () => {
    sim.faults.inject('server-error-html', { count: 5 });
    sim.faults.clear();
    await expectHealthy();
  });

  it('a fault meets even a signed-out request (it is the network, not the API)', async () => {
    sim.faults.inject('rate-limited');
    expect((await getJson(`${sim.url}/sessions/my`)).status).toBe(429);
  });

  it('bad fault options are refused with a clear error', () => {
    expect(() => sim.faults.inject('rate-limited', { count: 0 })).toThrow(/count/);
    expect(() => sim.faults.inject('rate-limited', { retryAfterSeconds: -1 })).toThrow(
      /retryAfterSeconds/,
    );
    expect(() => sim.faults.inject('hang', { pathPrefix: 'sessions' })).toThrow(/pathPrefix/);
    // A scenario read from JSON may carry anything.
    expect(() => sim.faults.inject('boom' as 'hang')).toThrow(/Unknown fault "boom"/);
  });
});

describe('stopping', () => {
  it('stop() can be called twice and closes kept-alive connections', async () => {
    await expectHealthy();
    await Promise.all([sim.stop(), sim.stop()]);
    await expect(poll()).rejects.toThrow();
  });
});
