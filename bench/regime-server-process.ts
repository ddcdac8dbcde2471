// The outside bench's server (outside.ts), a process of its own: signs anyone in the way the
// built watch needs (the cookie names the user), and answers `GET /sessions/my` from bodies
// built before any clock starts, for `realisticSessions(size)`. The user's name ends in the
// regime's number (regimes.ts); each user gets the next answer of its regime, round and round.
// Every poll is told to the parent before the answer is written, so the parent can read the
// client's CPU at the poll's start: the poll's own work all comes after it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realisticSessions } from '../harness/realistic-calls.js';
import { REGIMES, regimeBodies } from './regimes.js';

const size = Number(process.argv[2]);
const sessions = realisticSessions(size);
const bodies = REGIMES.map((regime) => regimeBodies(sessions, regime).map((b) => Buffer.from(b)));
const played = new Map<string, number>();

/** "watch-2" → 2: the regime of the user's answers. */
function userOf(cookie: string | undefined): string {
  return /ss-id=bench-([a-z0-9-]+)/.exec(cookie ?? '')?.[1] ?? '';
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const json = (payload: Uint8Array | string, extra: Record<string, string> = {}) => {
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(bytes.byteLength),
        ...extra,
      });
      res.end(bytes);
    };
    if (req.method === 'POST' && req.url === '/auth/credentials') {
      const sent = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { userName?: string };
      const name = (sent.userName ?? '').replace(/[^a-z0-9-]/gi, '').toLowerCase();
      json('{"userId":"u1"}', { 'Set-Cookie': `ss-id=bench-${name}; Path=/; HttpOnly` });
    } else if (req.method === 'GET' && req.url === '/auth/status') {
      json('{"isAuthenticated":true,"displayName":"Bench Agent"}');
    } else if (req.method === 'GET' && req.url === '/sessions/my') {
      const user = userOf(req.headers.cookie);
      const list = bodies[Number(/(\d+)$/.exec(user)?.[1] ?? 0)] ?? [];
      const at = played.get(user) ?? 0;
      played.set(user, at + 1);
      process.send?.({ poll: user });
      json(list[at % list.length] ?? '{"sessions":[]}');
    } else {
      res.writeHead(404).end();
    }
  });
});

// A poll of 25,000 calls under load outlasts Node's 5 s keep-alive.
server.keepAliveTimeout = 10 * 60_000;
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
server.listen(0, '127.0.0.1', () =>
  process.send?.({
    port: (server.address() as AddressInfo).port,
    bodyBytes: bodies.map((list) => list[0]?.byteLength ?? 0),
  }),
);
