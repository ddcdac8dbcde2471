// A call id that is not one path segment (`.`, `..`, empty, `%2E%2E`) never becomes a request:
// Hang up on `..` would be `DELETE /`, Decline on `.` `POST /sessions/reject`. The action is
// refused in words like any refusal, and the client refuses such a path even if one is built.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/boundary/contract.js';
import type { ActionRequest } from '../../main/evo/api.js';
import { createCallActions } from '../../main/call-actions/perform.js';
import { actionFailureWords } from '../../main/call-actions/words.js';
import { createEvoClient } from '../../main/evo/client.js';
import { pathSegment, UnsafePathSegment } from '../../main/evo/path-segment.js';

const UNSAFE = ['.', '..', ''];

describe('ids that are not a path segment', () => {
  it.each(UNSAFE)('refuses hang up and decline on the id %j, sending nothing', async (id) => {
    const calls: Session[] = [
      { id, callState: 'Connected', callSid: 'CA1', answeredById: 'u-me' },
      { id, callState: 'Ringing', queueState: 'Ringing' },
    ];
    const sent: ActionRequest[] = [];
    for (const call of calls) {
      const actions = createCallActions({
        findCall: () => call,
        agent: () => ({ userId: 'u-me' }),
        send: async (request) => void sent.push(request),
        onDone: () => {},
        now: () => 0,
      });
      const action = call.callState === 'Ringing' ? 'decline' : 'hangUp';
      const result = await actions.perform({ sessionId: id, action });
      expect(result).toEqual({ ok: false, error: new UnsafePathSegment(id).message });
    }
    expect(sent).toEqual([]);
  });

  it('encodes any other id as one segment', () => {
    expect(pathSegment('a/b?c#d')).toBe('a%2Fb%3Fc%23d');
    expect(pathSegment('...')).toBe('...');
    expect(pathSegment('%2E%2E')).toBe('%252E%252E');
    expect(pathSegment('__proto__')).toBe('__proto__');
  });

  it('the client sends no action whose path holds a dot segment, and says why', async () => {
    const asked: string[] = [];
    const fetch = (async (url: URL) => {
      asked.push(url.pathname);
      return Response.json({ isAuthenticated: true });
    }) as unknown as typeof globalThis.fetch;
    const api = createEvoClient({ fetch });
    await api.signIn('https://evovoice.io', 'ann', 'pw-123456');
    asked.length = 0;
    for (const path of ['/sessions/..', '/sessions/./reject', '/sessions/%2E%2E', '/sessions//']) {
      const error = await api.sendAction({ method: 'DELETE', path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsafePathSegment);
      expect(actionFailureWords('hangUp', error)).toMatch(/not a usable address/);
    }
    expect(asked).toEqual([]);
  });
});
