// Test support for the poll's transport (listing-http.ts): a loopback server answering each path
// as a test says, counting the connections it was opened and the ones still open, and the
// request headers it was sent.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LISTING } from '../../main/evo/purposes.js';
import type { EvoRequest, Transport } from '../../main/evo/request.js';

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface AnswerServer {
  url: string;
  /** Every request, in order: its path and headers. */
  seen: { path: string; headers: IncomingHttpHeaders }[];
  /** Connections opened since the start, and those still open. */
  opened(): number;
  open(): number;
  /** Resolves when every connection opened so far is closed. */
  allClosed(): Promise<void>;
  close(): void;
}

export async function answerServer(answers: Record<string, Answer>): Promise<AnswerServer> {
  const seen: AnswerServer['seen'] = [];
  const sockets = new Set<Socket>();
  let opened = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://loopback').pathname;
    seen.push({ path, headers: req.headers });
    const answer = answers[path];
    if (answer) return answer(req, res);
    res.writeHead(404).end();
  });
  // Long enough that only the client closes a kept-alive connection within a test.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    opened += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    opened: () => opened,
    open: () => sockets.size,
    allClosed: () =>
      Promise.all(
        [...sockets].map((s) => new Promise<void>((resolve) => s.once('close', resolve))),
      ).then(() => undefined),
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** What createEvoClient builds, with the defaults a test does not care about. */
export function transportFor(overrides: Partial<Transport> = {}): Transport {
  return {
    fetch: globalThis.fetch,
    timeoutMs: 5000,
    maxBodyBytes: 1024 * 1024,
    userAgent: 'EvoVoiceTray/test',
    now: () => Date.parse('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

/** The poll, signed in: `GET path` with a session cookie and a bearer token. */
export function listing(base: string, path: string, extra: Partial<EvoRequest> = {}): EvoRequest {
  return {
    method: 'GET',
    url: new URL(path, base),
    headers: { Cookie: 'ss-id=abc123', Authorization: 'Bearer token-xyz' },
    purpose: LISTING,
    ...extra,
  };
}

/** A chunked answer that never ends: it writes until the client drops the connection. */
export function endless(res: ServerResponse, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  const more = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', more);
  };
  more();
}
