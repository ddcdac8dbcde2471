// The outside bench's two yardsticks (outside.ts), each run as a process of its own:
//   plain <url> <user> <pauseMs>  a reasonable Node client: signs in as watch does, then polls
//                                 with fetch + res.json(), pausing as watch does between polls;
//   parse <url> <user> <pauseMs>  JSON.parse alone: reads its regime's answers once, then
//                                 parses them in the server's rotation, with the same pauses,
//                                 writing a line on stdout as each parse starts (its "poll").
import { setTimeout as sleep } from 'node:timers/promises';
import { VARIANTS } from './regimes.js';

const [mode, url, user, pause] = process.argv.slice(2);
const pauseMs = Number(pause);

async function signIn(): Promise<string> {
  const res = await fetch(`${url}/auth/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: user, password: 'bench-password' }),
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!res.ok || cookie === undefined) throw new Error(`sign-in refused (${res.status})`);
  return cookie;
}

async function plain(cookie: string): Promise<never> {
  for (;;) {
    const res = await fetch(`${url}/sessions/my`, { headers: { Cookie: cookie } });
    if (!res.ok) throw new Error(`GET /sessions/my: ${res.status}`);
    await res.json();
    await sleep(pauseMs);
  }
}

async function parse(cookie: string): Promise<never> {
  const bodies: string[] = [];
  for (let v = 0; v < VARIANTS; v++) {
    const res = await fetch(`${url}/sessions/my`, { headers: { Cookie: cookie } });
    bodies.push(await res.text());
  }
  for (let i = 0; ; i++) {
    process.stdout.write('p\n');
    JSON.parse(bodies[i % bodies.length] ?? '');
    await sleep(pauseMs);
  }
}

const cookie = await signIn();
await (mode === 'parse' ? parse(cookie) : plain(cookie));
