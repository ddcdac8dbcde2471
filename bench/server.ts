// A plain loopback HTTP server for the benchmark: it signs anyone in and answers
// `GET /sessions/my` with a body built before the clock starts, so "fetch" measures the
// client (connection, headers, reading, parsing), never a server serializing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BodyServer {
  url: string;
  /** The answer to the next `GET /sessions/my`, already encoded: nothing is built per request. */
  serve(body: Buffer): void;
  stop(): Promise<void>;
}

const COOKIE = 'ss-id=bench-session-0123456789; Path=/; HttpOnly';

export async function startBodyServer(): Promise<BodyServer> {
  let body: Buffer = Buffer.from('{"sessions":[]}');
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const json = (status: number, payload: Buffer, extra: Record<string, string> = {}) => {
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(payload.length),
          ...extra,
        });
        res.end(payload);
      };
      if (req.method === 'POST' && req.url === '/auth/credentials') {
        json(200, Buffer.from('{"userId":"u1","userName":"bench@evo.test"}'), {
          'Set-Cookie': COOKIE,
        });
      } else if (req.method === 'GET' && req.url === '/auth/status') {
        json(200, Buffer.from('{"isAuthenticated":true,"displayName":"Bench Agent"}'));
      } else if (req.method === 'GET' && req.url === '/sessions/my') json(200, body);
      else json(404, Buffer.from('{}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve(next) {
      body = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
