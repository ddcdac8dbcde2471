// The telephony token of GET /app/config and the password, echoed back by the server in a
// later error of any call (sessions, history, app config, actions, sign-in), never reach the
// error the client hands the app: every sink (main.log, watch's stdout and stderr, the window's
// state) shows only what the client's errors say.
import { describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import { MASK } from '../../main/evo/secret-mask.js';
import { encodings } from './secret-encodings.js';

const TOKEN = 'twilio.eyJ0eXAiOiJKV1QiLCJjdHkiOiJ0d2lsaW8tZnBhO3Y9MSJ9';
const PASSWORD = 'Zürich s3cret/+&<>';

function server() {
  let echo: string | undefined;
  const fetch = (async (url: URL) => {
    if (url.pathname === '/auth/credentials') return Response.json({});
    if (url.pathname === '/auth/status') return Response.json({ isAuthenticated: true });
    if (echo !== undefined) {
      return Response.json({ responseStatus: { message: `Rejected: ${echo}` } }, { status: 500 });
    }
    if (url.pathname === '/app/config') {
      return Response.json({ agentState: 'Ready', accessToken: TOKEN });
    }
    return Response.json({ sessions: [], items: [] });
  }) as unknown as typeof globalThis.fetch;
  const api = createEvoClient({ fetch });
  return { api, echoes: (text: string) => void (echo = text) };
}

describe('secrets echoed back in errors', () => {
  it('masks the telephony token in a later error, as typed and encoded', async () => {
    const { api, echoes } = server();
    await api.signIn('https://evovoice.io', 'ann', PASSWORD);
    await api.getAgentState();
    for (const [kind, encoded] of Object.entries(encodings(TOKEN, 'ann'))) {
      if (kind.startsWith('basic')) continue;
      echoes(`token=${encoded}`);
      const error = (await api.getMySessions().catch((e: unknown) => e)) as Error;
      expect(error.message).toContain(MASK);
      expect(error.message).not.toContain(encoded);
    }
  });

  it('masks the password in every encoding in errors of every call', async () => {
    const { api, echoes } = server();
    await api.signIn('https://evovoice.io', 'ann', PASSWORD);
    const calls: [string, () => Promise<unknown>][] = [
      ['sessions', () => api.getMySessions()],
      ['lookup', () => api.getSession('s1')],
      ['history', () => api.getCallHistory(0, 50)],
      ['app config', () => api.getAgentState()],
      ['action', () => api.sendAction({ method: 'POST', path: '/sessions/s1/reject' })],
    ];
    for (const [name, call] of calls) {
      for (const [kind, encoded] of Object.entries(encodings(PASSWORD, 'ann'))) {
        echoes(encoded);
        const error = (await call().catch((e: unknown) => e)) as Error & {
          details: { serverMessage?: string };
        };
        const text = `${error.message} ${error.details.serverMessage ?? ''}`;
        expect(text, `${name}, ${kind}`).toContain(MASK);
        expect(text, `${name}, ${kind}`).not.toContain(encoded);
      }
    }
  });
});
