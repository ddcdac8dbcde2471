import { DEFAULT_SETTINGS, type AppState, type Session } from '../main/boundary/contract.js';

export const NOW = Date.parse('2026-11-26T14:00:00.000Z');

export function signedIn(overrides: Partial<AppState> = {}): AppState {
  return {
    account: {
      status: 'signed-in',
      server: 'https://evovoice.io',
      user: { name: 'Ada Agent' },
      keychain: 'available',
    },
    connection: { status: 'online', lastPollAt: NOW - 2000 },
    sessions: [],
    recentlyEnded: [],
    missed: [],
    ringing: [],
    settings: { ...DEFAULT_SETTINGS, username: 'ada@example.com' },
    locale: 'en',
    ...overrides,
  };
}

export function signedOut(overrides: Partial<AppState['account']> = {}): AppState {
  return signedIn({ account: { status: 'signed-out', keychain: 'available', ...overrides } });
}

export function call(id: string, overrides: Partial<Session> = {}): Session {
  return {
    id,
    callState: 'Ringing',
    fromName: `Caller ${id}`,
    fromAddress: '+15035550100',
    toAddress: 'Support line',
    dateCreated: new Date(NOW - 42_000).toISOString(),
    ...overrides,
  };
}

/** A session with every field of the reference page set, each to a value found nowhere else. */
export function fullSession(): Session {
  return {
    id: 'sess-full-1',
    dateCreated: '2026-11-26T13:58:00.000Z',
    dateLastModified: '2026-11-26T13:59:30.000Z',
    createdBy: 'creator-user-7',
    lastModifiedBy: 'modifier-user-8',
    dialState: 'Active',
    callState: 'Hold',
    queueState: 'Hold',
    accountId: 'acct-123',
    accountName: 'Acme Support',
    customerId: 'cust-456',
    customerBreadcrumb: [
      { id: 'crumb-root', name: 'Acme Holdings' },
      { id: 'crumb-leaf', name: 'Acme West' },
    ],
    customerName: 'Acme West Branch',
    endpointId: 'endpoint-789',
    endpointName: 'Front desk phone',
    dateCompleted: '2026-11-26T13:59:45.000Z',
    destination: '+15035550999',
    toAddress: '+15035550111',
    fromAddress: '+15035550100',
    fromName: 'Jane Doe',
    answeredByName: 'Bob Builder',
    queueMemberId: 'qmember-321',
    channel: 'Voice',
    ended: false,
    outcome: 'Transferred to sales',
    callSid: 'CA-call-sid-1',
    consoleData: 'console line one',
    holdQueueName: 'Sales hold',
    heldByUserId: 'user-holder-9',
    holdReason: 'Transferring',
    conferenceSid: 'CF-conference-1',
    displayName: 'Jane from Acme',
    log: [
      { date: '2026-11-26T13:58:01.000Z', message: 'Call started ringing' },
      { date: '2026-11-26T13:58:20.000Z', message: 'Answered by Bob Builder' },
    ],
    members: [
      {
        identity: 'client:bob',
        endpointId: 'member-endpoint-1',
        displayName: 'Bob Builder',
        isOriginalMember: true,
        avatarUrl: 'https://cdn.example.com/bob.png',
        applicationData: { team: 'Blue team' },
        callState: 'Connected',
        role: 'Agent',
        callSid: 'CA-member-sid-1',
        muted: true,
      },
      {
        identity: 'client:eve',
        displayName: 'Eve Remote',
        avatarUrl: 'https://avatars.example.net/eve.png',
        callState: 'Hold',
        role: 'Caller',
        muted: false,
      },
    ],
    callbackNumber: '+15035550222',
    answeredById: 'answering-endpoint-5',
    direction: 'Incoming',
    fromPhoneNumber: '+15035550333',
    mostRecentParticipantCallSid: 'CA-recent-participant-1',
    wasMissed: false,
    ringQueueId: 'ringqueue-654',
  };
}
