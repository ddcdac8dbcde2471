// The sinks, end to end on the engine the app and `watch` run: the real client, the watcher and
// the agent-state reader, against a server that hands out a telephony token and then echoes it
// and the password back, encoded, in its errors. Nothing the log (main.log, watch's stderr)
// or the events (watch's stdout, the window's state) receive holds either, in any encoding.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAgentStateReader } from '../../main/agent-state/follow.js';
import { createLineWriter, createStderrLogger } from '../../main/cli/output.js';
import { createEvoClient } from '../../main/evo/client.js';
import type { WatchEvent } from '../../main/watch/events.js';
import { createWatcher } from '../../main/watch/watcher.js';
import { encodings } from './secret-encodings.js';

const PASSWORD = "Grüße & <co>'s pass/word+1";
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJncmFudHMiOnt9fQ.c2lnbmF0dXJl+/=';
const USER = 'ann@example.com';

function collected(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return () => chunks.join('');
}

beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-12-04T08:00:00Z') }));
afterEach(() => void vi.useRealTimers());

describe('secrets echoed back, in every sink', () => {
  it('neither the telephony token nor the password reaches the log or the events', async () => {
    const echoes = [
      ...Object.values(encodings(PASSWORD, USER)),
      ...Object.entries(encodings(TOKEN, USER))
        .filter(([kind]) => !kind.startsWith('basic'))
        .map(([, encoded]) => encoded),
    ];
    let tokenHandedOut = false;
    let failures = 0;
    let listings = 0;
    const fetch = (async (url: URL) => {
      if (url.pathname === '/auth/credentials') return Response.json({});
      if (url.pathname === '/auth/status') return Response.json({ isAuthenticated: true });
      if (url.pathname === '/app/config') {
        tokenHandedOut = true;
        return Response.json({ agentState: 'Ready', accessToken: TOKEN });
      }
      // Every other listing answers, so the watcher's backoff starts over each time.
      listings += 1;
      if (!tokenHandedOut || listings % 2 === 0) return Response.json({ sessions: [] });
      const echo = echoes[failures % echoes.length] ?? '';
      failures += 1;
      return Response.json(
        { responseStatus: { message: `Invalid request from ${echo}` } },
        { status: 400 },
      );
    }) as unknown as typeof globalThis.fetch;

    // watch's own writers: JSON lines on stdout, the log on stderr (main.log gets the same lines).
    const out = new PassThrough();
    const err = new PassThrough();
    const stdout = collected(out);
    const stderr = collected(err);
    const lines = createLineWriter(out);
    const log = createStderrLogger(err);
    const events: WatchEvent[] = [];
    const api = createEvoClient({ fetch, logger: log });
    await api.signIn('https://evovoice.io', USER, PASSWORD);
    const watcher = createWatcher({
      api,
      server: 'https://evovoice.io',
      username: USER,
      password: async () => PASSWORD,
      timing: { pollIntervalMs: 50, holdAlertDelayMs: 0, holdReminderMs: 0 },
      random: () => 0,
      log,
      followers: [createAgentStateReader({ api, onReading: () => {}, log })],
      onEvent: (e) => {
        events.push(e);
        lines.write(e);
      },
    });
    await watcher.start();
    await vi.advanceTimersByTimeAsync(60_000);
    await watcher.stop();
    await lines.flush();
    expect(failures).toBeGreaterThan(echoes.length);

    // The events as the window's state takes them too (their words, unescaped).
    const told = [stdout(), stderr(), ...events.map((e) => Object.values(e).join(' '))].join('\n');
    expect(told).toContain('•••');
    for (const echo of echoes) expect(told).not.toContain(echo);
  });
});
