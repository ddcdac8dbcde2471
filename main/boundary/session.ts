// The Evo Voice session model, as `GET /sessions/my` sends it (camelCase), after normalization.
// Source of truth: shared/seed/GetMySessions.txt. Every field is optional except `id`.
// Enums keep unknown values as strings: the API is still evolving.

export type Open<T extends string> = T | (string & {});

export type SessionDialState = Open<'None' | 'Active'>;
export type SessionCallState = Open<'Disconnected' | 'Ringing' | 'Connected' | 'Hold' | 'Passive'>;
export type SessionQueueState = Open<
  'None' | 'Queued' | 'Ringing' | 'Connected' | 'Hold' | 'Disconnected'
>;
export type FlowChannel = Open<'Voice' | 'Chat' | 'Fax'>;
export type SessionHoldReason = Open<'None' | 'Transferring'>;
export type SessionDirection = Open<'Incoming' | 'Outgoing'>;
export type SessionMemberCallState = Open<'None' | 'Ringing' | 'Connected' | 'Hold'>;
export type SessionMemberRole = Open<'None' | 'Caller' | 'Agent' | 'Transfer'>;

export interface CustomerBreadcrumb {
  id?: string;
  name?: string;
}

export interface SessionLogEntry {
  date?: string;
  message?: string;
}

export interface SessionMember {
  identity?: string;
  endpointId?: string;
  displayName?: string;
  isOriginalMember?: boolean;
  avatarUrl?: string;
  applicationData?: Record<string, string>;
  callState?: SessionMemberCallState;
  role?: SessionMemberRole;
  callSid?: string;
  muted?: boolean;
}

export interface Session {
  // EntityInfo
  id: string;
  dateCreated?: string;
  dateLastModified?: string;
  createdBy?: string;
  lastModifiedBy?: string;
  // SessionInfo
  dialState?: SessionDialState;
  callState?: SessionCallState;
  queueState?: SessionQueueState;
  accountId?: string;
  accountName?: string;
  customerId?: string;
  customerBreadcrumb?: CustomerBreadcrumb[];
  customerName?: string;
  endpointId?: string;
  endpointName?: string;
  dateCompleted?: string;
  destination?: string;
  toAddress?: string;
  fromAddress?: string;
  fromName?: string;
  answeredByName?: string;
  queueMemberId?: string;
  channel?: FlowChannel;
  ended?: boolean;
  outcome?: string;
  callSid?: string;
  consoleData?: string;
  holdQueueName?: string;
  heldByUserId?: string;
  holdReason?: SessionHoldReason;
  conferenceSid?: string;
  displayName?: string;
  log?: SessionLogEntry[];
  members?: SessionMember[];
  callbackNumber?: string;
  answeredById?: string;
  direction?: SessionDirection;
  fromPhoneNumber?: string;
  mostRecentParticipantCallSid?: string;
  wasMissed?: boolean;
  ringQueueId?: string;
}

/** The signed-in agent, from `GET /auth/status`. */
export interface AgentProfile {
  id?: string;
  name: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  avatarUrl?: string;
  roles?: string[];
  accountIds?: string[];
  accountNames?: string[];
}
