import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  normalizeProfile,
  normalizeSession,
  normalizeSessions,
  sessionFields,
} from '../../main/evo/normalize.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

function pascalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.charAt(0).toUpperCase() + k.slice(1),
      k === 'applicationData' ? v : pascalKeys(v),
    ]),
  );
}

/** A session where every string field holds its own name, so a crossed wire shows. */
const distinct = {
  id: 'id',
  dateCreated: 'dateCreated',
  dateLastModified: 'dateLastModified',
  createdBy: 'createdBy',
  lastModifiedBy: 'lastModifiedBy',
  dialState: 'Active',
  callState: 'Ringing',
  queueState: 'Queued',
  accountId: 'accountId',
  accountName: 'accountName',
  customerId: 'customerId',
  customerBreadcrumb: [{ id: 'crumbId', name: 'crumbName' }],
  customerName: 'customerName',
  endpointId: 'endpointId',
  endpointName: 'endpointName',
  dateCompleted: 'dateCompleted',
  destination: 'destination',
  toAddress: 'toAddress',
  fromAddress: 'fromAddress',
  fromName: 'fromName',
  answeredByName: 'answeredByName',
  queueMemberId: 'queueMemberId',
  channel: 'Chat',
  ended: true,
  outcome: 'outcome',
  callSid: 'callSid',
  consoleData: 'consoleData',
  holdQueueName: 'holdQueueName',
  heldByUserId: 'heldByUserId',
  holdReason: 'Transferring',
  conferenceSid: 'conferenceSid',
  displayName: 'displayName',
  log: [{ date: 'logDate', message: 'logMessage' }],
  members: [
    {
      identity: 'identity',
      endpointId: 'memberEndpointId',
      displayName: 'memberDisplayName',
      isOriginalMember: true,
      avatarUrl: 'avatarUrl',
      applicationData: { queue: 'Sales', Priority: 'high' },
      callState: 'Hold',
      role: 'Caller',
      callSid: 'memberCallSid',
      muted: true,
    },
  ],
  callbackNumber: 'callbackNumber',
  answeredById: 'answeredById',
  direction: 'Outgoing',
  fromPhoneNumber: 'fromPhoneNumber',
  mostRecentParticipantCallSid: 'mostRecentParticipantCallSid',
  wasMissed: true,
  ringQueueId: 'ringQueueId',
};

describe('normalizing GET /sessions/my', () => {
  it('reads the reference page sample with every field of SessionInfo, members and log', () => {
    const [session] = normalizeSessions(fixture('seed-sample.camel.json'));
    expect(Object.keys(session ?? {}).sort()).toEqual(Object.keys(sessionFields).sort());
    expect(session).toMatchObject({
      id: 'String',
      callState: 'Disconnected',
      dialState: 'None',
      queueState: 'None',
      channel: 'Voice',
      direction: 'Incoming',
      holdReason: 'None',
      ended: false,
      wasMissed: false,
      customerBreadcrumb: [{ id: 'String', name: 'String' }],
      log: [{ date: 'String', message: 'String' }],
      members: [
        {
          applicationData: { String: 'String' },
          callState: 'None',
          role: 'None',
          isOriginalMember: false,
          muted: false,
        },
      ],
    });
    expect(Object.keys(session?.members?.[0] ?? {})).toHaveLength(10);
  });

  it('reads the PascalCase sample to the same camelCase sessions', () => {
    const camel = normalizeSessions(fixture('seed-sample.camel.json'));
    const pascal = normalizeSessions(fixture('seed-sample.pascal.json'));
    expect(pascal).toEqual(camel);
  });

  it('puts every field under its own name, in either casing', () => {
    const expected = { ...distinct };
    expect(normalizeSessions({ sessions: [distinct] })).toEqual([expected]);
    expect(normalizeSessions(pascalKeys({ sessions: [distinct] }))).toEqual([expected]);
  });

  it('keeps the keys of a member application data dictionary as they are', () => {
    const [session] = normalizeSessions(pascalKeys({ sessions: [distinct] }));
    expect(session?.members?.[0]?.applicationData).toEqual({ queue: 'Sales', Priority: 'high' });
  });

  it('keeps enum values it does not know, as strings', () => {
    const session = normalizeSession({
      id: 's1',
      callState: 'Whispering',
      queueState: 'Overflow',
      channel: 'Video',
      members: [{ role: 'Supervisor', callState: 'Barged' }],
    });
    expect(session).toEqual({
      id: 's1',
      callState: 'Whispering',
      queueState: 'Overflow',
      channel: 'Video',
      members: [{ role: 'Supervisor', callState: 'Barged' }],
    });
  });

  it('spells a known enum value in another case as documented, so a ring is still a ring', () => {
    const session = normalizeSession({
      id: 's1',
      callState: 'RINGING',
      queueState: 'hold',
      holdReason: 'transferring',
      members: [{ role: 'agent', callState: 'connected' }],
    });
    expect(session).toEqual({
      id: 's1',
      callState: 'Ringing',
      queueState: 'Hold',
      holdReason: 'Transferring',
      members: [{ role: 'Agent', callState: 'Connected' }],
    });
  });

  it('drops fields of the wrong type and keeps the rest of the session', () => {
    const session = normalizeSession({
      id: 's1',
      fromName: 42,
      toAddress: null,
      ended: 'true',
      wasMissed: 1,
      callState: 9,
      dialState: 1.5,
      log: 'nothing',
      members: [{ muted: 'false', displayName: 'Ann' }, 'not a member', null],
      customerBreadcrumb: { id: 'c1' },
      holdQueueName: 'Support hold',
    });
    expect(session).toEqual({
      id: 's1',
      members: [{ displayName: 'Ann' }],
      holdQueueName: 'Support hold',
    });
  });

  it('leaves out fields the server did not send', () => {
    expect(normalizeSession({ id: 's1', callState: 'Ringing' })).toEqual({
      id: 's1',
      callState: 'Ringing',
    });
  });

  it('skips sessions it could not track: no id, an empty id or a number id', () => {
    const sessions = normalizeSessions({
      sessions: [
        { callState: 'Ringing' },
        { id: '', callState: 'Ringing' },
        { id: '  ', callState: 'Ringing' },
        { id: 7, callState: 'Ringing' },
        'not a session',
        null,
        { id: 'kept', callState: 'Ringing' },
      ],
    });
    expect(sessions).toEqual([{ id: 'kept', callState: 'Ringing' }]);
  });

  it('keeps a session listed twice only once', () => {
    const sessions = normalizeSessions({
      sessions: [
        { id: 'a', callState: 'Ringing' },
        { id: 'b' },
        { id: 'a', callState: 'Connected' },
      ],
    });
    expect(sessions).toEqual([{ id: 'a', callState: 'Ringing' }, { id: 'b' }]);
  });

  it('accepts an empty list of sessions', () => {
    expect(normalizeSessions({ sessions: [] })).toEqual([]);
    expect(normalizeSessions({ Sessions: [] })).toEqual([]);
  });
});

describe('normalizing GET /auth/status', () => {
  it('takes the name the server gives, and the rest of the profile', () => {
    expect(
      normalizeProfile({
        id: 'u1',
        isAuthenticated: true,
        name: 'Ann Agent',
        firstName: 'Ann',
        lastName: 'Agent',
        emailAddress: 'ann@example.com',
        avatarUrl: 'https://example.com/ann.png',
        roles: ['User', 7],
        accountIds: ['a1'],
        accountNames: ['Acme'],
        sessionId: 'do-not-copy',
      }),
    ).toEqual({
      id: 'u1',
      name: 'Ann Agent',
      firstName: 'Ann',
      lastName: 'Agent',
      email: 'ann@example.com',
      avatarUrl: 'https://example.com/ann.png',
      roles: ['User'],
      accountIds: ['a1'],
      accountNames: ['Acme'],
    });
  });

  it('names the agent from first and last name, then display name, then user name', () => {
    expect(normalizeProfile({ FirstName: 'Ann', LastName: 'Agent' }).name).toBe('Ann Agent');
    expect(normalizeProfile({ name: ' ', displayName: 'Annie' }).name).toBe('Annie');
    expect(normalizeProfile({ userName: 'ann' }).name).toBe('ann');
    expect(normalizeProfile({}, 'ann@example.com').name).toBe('ann@example.com');
  });

  it('refuses a status that names nobody, or is not an object', () => {
    expect(() => normalizeProfile({ id: 'u1' })).toThrow(/who is signed in/);
    expect(() => normalizeProfile('ok')).toThrow(/who is signed in/);
    expect(() => normalizeProfile(null)).toThrow(/who is signed in/);
  });
});
