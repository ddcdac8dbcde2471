// ServiceStack's TreatEnumAsInteger sends enums as their index in the documented order
// (shared/evo-voice-api.md, shared/seed/GetMySessions.txt). Such a ringing call must still
// ring; a field that still cannot be read is dropped and said once in the client's log.
import { describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import { normalizeSession, normalizeSessions } from '../../main/evo/normalize.js';
import { sessionPhase } from '../../main/boundary/session-reading.js';

/** Every enum of SessionInfo and SessionMemberInfo, values in the reference page's order. */
const DOCUMENTED = {
  dialState: ['None', 'Active'],
  callState: ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'],
  queueState: ['None', 'Queued', 'Ringing', 'Connected', 'Hold', 'Disconnected'],
  channel: ['Voice', 'Chat', 'Fax'],
  holdReason: ['None', 'Transferring'],
  direction: ['Incoming', 'Outgoing'],
} as const;
const MEMBER_DOCUMENTED = {
  callState: ['None', 'Ringing', 'Connected', 'Hold'],
  role: ['None', 'Caller', 'Agent', 'Transfer'],
} as const;

describe('enums sent as integers', () => {
  it.each(Object.entries(DOCUMENTED))('maps %s by its documented order', (field, values) => {
    values.forEach((value, index) => {
      expect(normalizeSession({ id: 's1', [field]: index })).toEqual({ id: 's1', [field]: value });
    });
  });

  it.each(Object.entries(MEMBER_DOCUMENTED))(
    "maps a member's %s by its documented order",
    (field, values) => {
      values.forEach((value, index) => {
        const session = normalizeSession({ id: 's1', members: [{ [field]: index }] });
        expect(session?.members).toEqual([{ [field]: value }]);
      });
    },
  );

  it('a call ringing in integers is read as ringing (callState 1, queueState 2)', () => {
    const [byCall, byQueue] = normalizeSessions({
      Sessions: [
        { Id: 'a', CallState: 1, QueueState: 0, DialState: 1, Direction: 0 },
        { Id: 'b', CallState: 0, QueueState: 2 },
      ],
    });
    expect(byCall).toMatchObject({ callState: 'Ringing', queueState: 'None' });
    expect(byQueue).toMatchObject({ callState: 'Disconnected', queueState: 'Ringing' });
    expect(byCall && sessionPhase(byCall)).toBe('ringing');
    expect(byQueue && sessionPhase(byQueue)).toBe('ringing');
  });

  it('drops a number outside the values, a fraction, a negative or a numeric string', () => {
    expect(
      normalizeSession({ id: 's1', callState: 5, queueState: -1, dialState: 0.5, channel: '1' }),
    ).toEqual({ id: 's1', channel: '1' });
  });
});

describe('a field dropped for its type is said once', () => {
  function told() {
    const lines: string[] = [];
    const dropped = (field: string, type: string) => lines.push(`${field}: ${type}`);
    return { lines, dropped };
  }

  it('names the field (through lists) and the JSON type, never the value', () => {
    const { lines, dropped } = told();
    normalizeSession(
      {
        id: 's1',
        fromName: 4155550100,
        ended: 'yes-secret-word',
        callState: 7,
        toAddress: null,
        members: [{ muted: 'no', applicationData: ['x'] }],
        log: [{ message: { text: 'private' } }],
      },
      dropped,
    );
    expect(lines.sort()).toEqual([
      'callState: a number outside its documented values',
      'ended: a string',
      'fromName: a number',
      'log.message: an object',
      'members.applicationData: a list',
      'members.muted: a string',
    ]);
    expect(lines.join('\n')).not.toMatch(/4155550100|secret|private/);
  });

  it('says nothing for a good answer, for null, nor for a mapped integer', () => {
    const { lines, dropped } = told();
    normalizeSessions(
      { sessions: [{ id: 's1', callState: 1, toAddress: null, members: [{ role: 2 }] }] },
      dropped,
    );
    expect(lines).toEqual([]);
  });

  it("the client logs it once per field over many polls, through the client's logger", async () => {
    const warnings: string[] = [];
    const body = {
      sessions: [
        { id: 'a', callState: 'Ringing', wasMissed: 'no' },
        { id: 'b', callState: 9, wasMissed: 0 },
      ],
    };
    const fetch = (async (url: URL) =>
      url.pathname === '/sessions/my'
        ? Response.json(body)
        : Response.json(
            { isAuthenticated: true, name: 'Ann' },
            { headers: { 'Set-Cookie': 'ss-id=abcdefghijkl; Path=/' } },
          )) as unknown as typeof globalThis.fetch;
    const log = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const api = createEvoClient({ fetch, logger: log });
    await api.signIn('https://evo.example', 'ann', 'pw-123456');
    for (let poll = 0; poll < 5; poll++) await api.getMySessions();
    expect(warnings).toEqual([
      'Evo Voice sent the call field wasMissed as a string; this app cannot read it and ignores it.',
      'Evo Voice sent the call field callState as a number outside its documented values; this app cannot read it and ignores it.',
    ]);
  });
});
