// `npm run sim`: the simulator with its busy call center, for trying the app by hand.
// Prints where it listens and how to sign in; logs each call event to stderr.
import { parseArgs } from 'node:util';
import { busyCallCenter } from './scenario.js';
import { startSimulator } from './server.js';
import { describeStep } from './step-log.js';
import { errorMessage } from '../boundary/errors.js';

const USAGE = `Usage: npm run sim -- [--port N] [--pascal] [--quiet]
  --port N   listen on 127.0.0.1:N (default: any free port)
  --pascal   answer with PascalCase JSON keys
  --quiet    do not log call events`;

function readPort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${text}")`);
  }
  return port;
}

function curlExample(url: string, username: string, password: string): string {
  const body = JSON.stringify({
    provider: 'credentials',
    userName: username,
    password,
    rememberMe: true,
  });
  return [
    `  curl -s -c evo-sim.cookies -H 'Content-Type: application/json' \\`,
    `    -d '${body}' \\`,
    `    ${url}/auth/credentials`,
    `  curl -s -b evo-sim.cookies ${url}/sessions/my`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      pascal: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSimulator({
    port: readPort(values.port),
    casing: values.pascal ? 'pascal' : 'camel',
  });
  const agent = sim.users[0];
  if (agent === undefined) throw new Error('The simulator has no users');
  const center = busyCallCenter({
    agent: agent.username,
    onStep: values.quiet
      ? undefined
      : (step, session) => process.stderr.write(`${describeStep(step, session, new Date())}\n`),
  }).start(sim);

  // Demo credentials are public and printed on purpose: they only open this simulator.
  process.stdout.write(
    [
      `Evo Voice simulator listening on ${sim.url}`,
      `Demo sign-in: ${agent.username} / ${agent.password}`,
      'Try it:',
      curlExample(sim.url, agent.username, agent.password),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const stop = (): void => {
    center.stop();
    void sim.stop().then(() => process.stderr.write('Simulator stopped.\n'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
