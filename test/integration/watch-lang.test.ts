// `watch --lang`: the titles and bodies in the agent's language, the machine contract (event
// names, JSON keys) unchanged; an unknown language is a bad argument (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { isConnection, startWatch } from './watch-process.js';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

describe('watch --lang', () => {
  it('writes the connection event in French, keys and names as in English', async () => {
    const agent = sim.users[0];
    if (!agent) throw new Error('the simulator has no users');
    const watch = startWatch(
      ['--server', sim.url, '--user', agent.username, '--interval-ms', '100', '--lang', 'fr'],
      { EVO_PASSWORD: agent.password },
    );
    try {
      const online = await watch.waitFor('the first online', isConnection('online'), {
        timeoutMs: 15_000,
      });
      expect(Object.keys(online)).toEqual(['event', 'status', 'at', 'title', 'body']);
      expect(online).toMatchObject({ title: 'Connecté à Evo Voice' });
    } finally {
      watch.kill('SIGKILL');
    }
  });

  it('refuses a language it does not speak, with exit status 2', async () => {
    const watch = startWatch(['--demo', '--lang', 'klingon']);
    expect(await watch.exited).toBe(2);
    expect(watch.stderr()).toContain('--lang must be one of en, es, pt-BR, fr, de');
  });
});
