// A plain loopback HTTP server for the benchmark, in a child process of its own, so "the
// whole poll" measures the client (connection, headers, reading, parsing) and never the
// server writing. It signs anyone in (the session cookie names the user) and answers
// `GET /sessions/my` from a playlist of bodies built before the clock starts: each user gets
// the next body of their own playlist, round and round.
import { fork, type ChildProcess } from 'node:child_process';

export interface BodyServer {
  url: string;
  /** Each user's playlist of encoded answers; replaces every playlist, counters from zero. */
  serve(playlists: Record<string, Uint8Array[]>): Promise<void>;
  stop(): Promise<void>;
}

export async function startBodyServer(): Promise<BodyServer> {
  const child = fork(new URL('./body-server-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await reply<number>(child);
  return {
    url: `http://127.0.0.1:${port}`,
    async serve(playlists) {
      child.send({ playlists });
      await reply(child);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function reply<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the bench server exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}
