// The bench server's process (see server.ts): answers from playlists sent by the parent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let playlists: Record<string, Uint8Array[]> = {};
const played = new Map<string, number>();

function user(cookie: string | undefined): string {
  return /ss-id=bench-([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const json = (status: number, payload: Uint8Array, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(payload.byteLength),
        ...extra,
      });
      res.end(payload);
    };
    const text = (s: string) => Buffer.from(s);
    if (req.method === 'POST' && req.url === '/auth/credentials') {
      const sent = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { userName?: string };
      const name = (sent.userName ?? 'default').replace(/[^a-z0-9]/gi, '');
      json(200, text('{"userId":"u1"}'), {
        'Set-Cookie': `ss-id=bench-${name}-session; Path=/; HttpOnly`,
      });
    } else if (req.method === 'GET' && req.url === '/auth/status') {
      json(200, text('{"isAuthenticated":true,"displayName":"Bench Agent"}'));
    } else if (req.method === 'GET' && req.url === '/sessions/my') {
      const name = user(req.headers.cookie).replace(/-session$/, '');
      const list = playlists[name] ?? playlists['default'] ?? [];
      const at = played.get(name) ?? 0;
      played.set(name, at + 1);
      const body = list.length === 0 ? text('{"sessions":[]}') : list[at % list.length];
      json(200, body ?? text('{"sessions":[]}'));
    } else json(404, text('{}'));
  });
});

// A round at 10,000 calls outlasts Node's 5 s keep-alive: a socket closed just as the client
// reuses it would fail a poll for the bench's own reasons.
server.keepAliveTimeout = 10 * 60_000;

process.on('message', (message) => {
  playlists = (message as { playlists: Record<string, Uint8Array[]> }).playlists;
  played.clear();
  process.send?.('ready');
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
