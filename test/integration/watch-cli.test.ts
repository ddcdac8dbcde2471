import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/server.js';
import type { Simulator } from '../../main/simulator/types.js';
import { isConnection, isSession, startWatch, type WatchProcess } from './watch-process.js';

let sim: Simulator;
let agent: { username: string; password: string };

beforeAll(async () => {
  sim = await startSimulator();
  const first = sim.users[0];
  if (!first) throw new Error('the simulator has no users');
  agent = first;
});
afterAll(async () => {
  await sim?.stop();
});

const signIns = () =>
  sim.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/auth')).length;

describe('watch, following an agent on the simulator', () => {
  let watch: WatchProcess;

  beforeAll(async () => {
    watch = startWatch(
      [
        ...['--server', sim.url, '--user', agent.username],
        ...['--interval-ms', '100', '--hold-reminder-ms', '500', '--request-timeout-ms', '1000'],
      ],
      { EVO_PASSWORD: agent.password },
    );
    await watch.waitFor('the first online', isConnection('online'), { timeoutMs: 15_000 });
  });

  afterAll(() => {
    watch?.kill('SIGKILL');
  });

  it('follows a call: ringing, answered, held with a reminder, ended', async () => {
    const { id } = sim.calls.arrive({ fromName: 'Jane Doe' });
    const ringing = await watch.waitFor('ringing', isSession('ringing', id));
    expect(ringing).toMatchObject({
      title: expect.any(String),
      body: expect.stringContaining('Jane Doe'),
    });
    sim.calls.answer(id);
    await watch.waitFor('answered', isSession('answered', id));
    sim.calls.hold(id, 'Support Hold');
    await watch.waitFor(
      'held',
      isSession('held', id, (e) => e.event === 'held' && !e.reminder),
    );
    await watch.waitFor(
      'a hold reminder',
      isSession('held', id, (e) => e.event === 'held' && e.reminder),
    );
    sim.calls.resume(id);
    sim.calls.end(id);
    await watch.waitFor('ended', isSession('ended', id));
    expect(watch.events.filter(isSession('ringing', id))).toHaveLength(1);
    expect(watch.events.filter(isSession('missed', id))).toHaveLength(0);
  });

  it('reports a call the server marks missed', async () => {
    const { id } = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', id));
    sim.calls.miss(id);
    await watch.waitFor('missed', isSession('missed', id));
  });

  it('looks up a ring that vanished and reports it missed', async () => {
    const { id } = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', id));
    sim.calls.remove(id);
    await watch.waitFor('missed', isSession('missed', id));
    // The lookup reads GET /sessions?specificIds= (the route that keeps the log).
    const lookups = sim.requests.filter((r) => r.method === 'GET' && r.path === '/sessions');
    expect(lookups).toHaveLength(1);
  });

  it('reports a ring another agent picked up as answered elsewhere', async () => {
    const { id } = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', id));
    sim.calls.answerElsewhere(id, 'Sam Colleague');
    const event = await watch.waitFor('answered elsewhere', isSession('answered-elsewhere', id));
    expect(event.title).toContain('Sam Colleague');
    expect(watch.events.filter(isSession('missed', id))).toHaveLength(0);
  });

  it.each([
    ['an HTML error page', 'server-error-html', 'error'],
    ['a body that is not JSON', 'malformed-json', 'error'],
    ['a request that never answers', 'hang', 'offline'],
    ['a 429 with Retry-After', 'rate-limited', 'error'],
    ['a reset connection', 'connection-reset', 'offline'],
  ] as const)('survives %s: %s, then online again', async (_what, fault, status) => {
    const since = watch.mark();
    sim.faults.inject(fault, { retryAfterSeconds: 1 });
    await watch.waitFor(`connection ${status}`, isConnection(status), { since });
    await watch.waitFor('online again', isConnection('online'), { since });
  });

  it('signs in again silently when the session expires, without repeating a ring', async () => {
    const { id } = sim.calls.arrive();
    await watch.waitFor('ringing', isSession('ringing', id));
    const before = signIns();
    const since = watch.mark();
    sim.faults.expireSessions();
    const later = sim.calls.arrive();
    await watch.waitFor('a ring after the re-sign-in', isSession('ringing', later.id), { since });
    expect(signIns()).toBe(before + 1);
    expect(watch.events.filter(isSession('ringing', id))).toHaveLength(1);
    expect(watch.events.slice(since).filter((e) => e.event === 'connection')).toEqual([]);
  });

  it('stops on SIGTERM with status 0; every line was JSON and no line held the password', async () => {
    watch.kill('SIGTERM');
    expect(await watch.exited).toBe(0);
    const lines = watch.stdout().trimEnd().split('\n');
    expect(lines.length).toBe(watch.events.length);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(watch.stdout()).not.toContain(agent.password);
    expect(watch.stderr()).not.toContain(agent.password);
    expect(watch.stderr()).toContain('Stopped');
  });
});

describe('watch, when the password stops working', () => {
  it('reports signed-out once, never retries the password, and exits 3', async () => {
    const first = sim.users[0];
    if (!first) throw new Error('the simulator has no users');
    const user = { ...first };
    const own = await startSimulator({ users: [user] });
    try {
      const watch = startWatch(
        ['--server', own.url, '--user', user.username, '--interval-ms', '100'],
        { EVO_PASSWORD: user.password },
      );
      await watch.waitFor('online', isConnection('online'), { timeoutMs: 15_000 });
      user.password = 'changed-by-an-administrator';
      own.faults.expireSessions();
      await watch.waitFor('signed-out', isConnection('signed-out'));
      expect(await watch.exited).toBe(3);
      expect(watch.events.filter(isConnection('signed-out'))).toHaveLength(1);
      const signIns = own.requests.filter((r) => r.path === '/auth/credentials');
      expect(signIns.map((r) => r.status)).toEqual([200, 401]);
    } finally {
      await own.stop();
    }
  });
});

describe('watch, refusing to start', () => {
  it('exits 3 with the server message when the password is rejected, never printing it', async () => {
    const wrong = 'not-the-password-42';
    const watch = startWatch(['--server', sim.url, '--user', agent.username], {
      EVO_PASSWORD: wrong,
    });
    expect(await watch.exited).toBe(3);
    expect(watch.stderr()).toContain(
      'watch: Sign-in was rejected: Invalid UserName or Password.\n',
    );
    expect(watch.stderr()).not.toMatch(/rejected: sign-in was rejected/i);
    expect(watch.stdout()).toBe('');
    expect(watch.stderr()).not.toContain(wrong);
    const attempts = sim.requests.filter((r) => r.path === '/auth/credentials' && r.status === 401);
    expect(attempts).toHaveLength(1);
  });

  it.each([
    [['--server', 'not a url', '--user', 'a@b.c']],
    [['--server', 'http://example.com', '--user', 'a@b.c']],
    [['--server', 'https://evovoice.io', '--user', 'a@b.c', '--interval-ms', 'soon']],
  ])('exits 2 with the usage on bad arguments, before looking for a password: %j', async (args) => {
    const watch = startWatch(args);
    expect(await watch.exited).toBe(2);
    expect(watch.stderr()).toContain('Usage:');
    expect(watch.stderr()).not.toContain('watch: no password');
    expect(watch.stdout()).toBe('');
  });

  it('says why an http server is refused', async () => {
    const watch = startWatch(['--server', 'http://example.com', '--user', 'a@b.c']);
    expect(await watch.exited).toBe(2);
    expect(watch.stderr()).toContain(
      'watch: --server: The server address must start with https:// so your password is sent encrypted (https://example.com).',
    );
  });

  it('exits 2 with a clear message when there is no password and no terminal', async () => {
    const watch = startWatch(['--server', sim.url, '--user', agent.username]);
    expect(await watch.exited).toBe(2);
    expect(watch.stderr()).toContain('EVO_PASSWORD');
  });

  it('prints the usage on --help and exits 0', async () => {
    const watch = startWatch(['--help']);
    expect(await watch.exited).toBe(0);
    expect(watch.stdout()).toContain('Usage:');
  });
});
