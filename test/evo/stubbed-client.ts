// Test support for the suites that run the client against stub servers: each suite gets fresh
// stubs after every test, and at its end a check that no secret leaked into any message.
import { afterAll, afterEach, expect } from 'vitest';
import { createEvoClient, type EvoClientOptions } from '../../main/evo/client.js';
import { watchSecrets } from './secrets.js';
import { PASSWORD, SESSION_COOKIE, stubServers, TOKEN } from './stub-server.js';

export function stubbedClients() {
  const secrets = watchSecrets();
  const { stub, closeAll } = stubServers();

  afterEach(closeAll);
  afterAll(() => {
    expect(secrets.handedOut).toContain(SESSION_COOKIE);
    secrets.expectNoLeak([PASSWORD, SESSION_COOKIE, TOKEN]);
  });

  function client(options: EvoClientOptions = {}) {
    return createEvoClient({ fetch: secrets.fetch, ...options });
  }

  async function signedIn(url: string, options: EvoClientOptions = {}) {
    const api = client(options);
    await api.signIn(url, 'ann', PASSWORD);
    return api;
  }

  return { secrets, stub, client, signedIn };
}
