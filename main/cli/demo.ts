// `watch --demo`: the built-in simulator with its busy call center, signed in as its first agent.
import type { Logger } from '../log.js';
import { busyCallCenter } from '../simulator/scenario.js';
import { startSimulator } from '../simulator/server.js';

export interface Demo {
  server: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

export async function startDemo(log: Logger): Promise<Demo> {
  const simulator = await startSimulator();
  const agent = simulator.users[0];
  if (!agent) {
    await simulator.stop();
    throw new Error('The simulator has no demo agent.');
  }
  const scenario = busyCallCenter({ agent: agent.username }).start(simulator);
  log.info(`Demo simulator at ${simulator.url}; its agent is ${agent.username}.`);
  return {
    server: simulator.url,
    username: agent.username,
    password: agent.password,
    async stop() {
      scenario.stop();
      await simulator.stop();
    },
  };
}
