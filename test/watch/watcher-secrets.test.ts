// A server that echoes the password back in its errors, while polling and looking calls up:
// the real client masks it in every call's error, before whitespace is folded, so neither the
// watcher's events (the `watch` JSON lines) nor its log (stderr) ever carry it.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLineWriter, createStderrLogger } from '../../main/cli/output.js';
import { createEvoClient } from '../../main/evo/client.js';
import { createWatcher } from '../../main/watch/watcher.js';

const PASSWORD = 'pa  ss\tword-9';
const FOLDED = 'pa ss word-9';
const SERVER = 'https://evo.test';

function echoingServer() {
  const fetch = (async (url: URL) => {
    if (url.pathname === '/auth/credentials') return Response.json({});
    if (url.pathname === '/auth/status') return Response.json({ displayName: 'Ann' });
    const message = `Login failed for password ${PASSWORD} (echo)`;
    return Response.json({ responseStatus: { message } }, { status: 500 });
  }) as unknown as typeof globalThis.fetch;
  return createEvoClient({ fetch });
}

function collected(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return () => chunks.join('');
}

beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-26T20:00:00Z') }));
afterEach(() => void vi.useRealTimers());

describe('a server that echoes the password in its errors', () => {
  it('every call after sign-in: the error words never hold it, as typed or folded', async () => {
    const api = echoingServer();
    await api.signIn(SERVER, 'ann', PASSWORD);
    const failed = (e: unknown) => e as Error;
    const errors: Error[] = [
      await api.getMySessions().then(() => new Error('answered'), failed),
      await api.getSession('abc').then(() => new Error('answered'), failed),
    ];
    for (const error of errors) {
      expect(error.message).toContain('•••');
      const words = JSON.stringify({ message: error.message, details: error });
      expect(words).not.toContain(FOLDED);
      expect(words).not.toContain('ss\\tword');
      expect(words).not.toContain('word-9');
    }
  });

  it("the watch command's JSON lines and stderr never carry it", async () => {
    const api = echoingServer();
    await api.signIn(SERVER, 'ann', PASSWORD);
    const out = new PassThrough();
    const err = new PassThrough();
    const stdout = collected(out);
    const stderr = collected(err);
    const lines = createLineWriter(out);
    const watcher = createWatcher({
      api,
      server: SERVER,
      username: 'ann',
      password: async () => PASSWORD,
      timing: { pollIntervalMs: 1000, holdAlertDelayMs: 0, holdReminderMs: 0 },
      random: () => 0,
      log: createStderrLogger(err),
      onEvent: (event) => lines.write(event),
    });
    await watcher.start();
    await vi.advanceTimersByTimeAsync(10_000);
    await watcher.stop();
    await lines.flush();
    expect(stdout()).toContain('"connection"');
    expect(stderr()).toContain('Poll failed');
    for (const text of [stdout(), stderr()]) {
      expect(text).not.toContain('word-9');
      expect(text).not.toContain(FOLDED);
    }
  });
});
