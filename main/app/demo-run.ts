// "Try the demo" and `--demo`: the simulator in-process with a busy call center, signed in as
// its first demo agent. Plain Node: the app and its tests start it the same way.
import type { DemoRun } from './account.js';
import { DEMO_USERS, startSimulator } from '../simulator/server.js';
import { busyCallCenter } from '../simulator/scenario.js';

export async function startDemoRun(): Promise<DemoRun> {
  const sim = await startSimulator();
  const user = DEMO_USERS[0];
  if (!user) throw new Error('The simulator has no demo user.');
  const calls = busyCallCenter({ agent: user.username }).start(sim);
  return {
    server: sim.url,
    username: user.username,
    password: user.password,
    async stop() {
      calls.stop();
      await sim.stop();
    },
  };
}
