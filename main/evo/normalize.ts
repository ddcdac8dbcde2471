// Turns what Evo Voice sends into the app's Session model. The tables below follow the
// reference page (shared/seed/GetMySessions.txt) field by field; a field missing from a table
// fails type-checking, so the model and the tables cannot drift apart.
import { EvoApiError } from './api.js';
import {
  bool,
  dictionary,
  enumOf,
  listOf,
  readFields,
  readKey,
  string,
  stringList,
} from './field-table.js';
import type { DroppedField, FieldTable } from './field-table.js';
import { isRecord } from '../boundary/records.js';
import type {
  AgentProfile,
  CustomerBreadcrumb,
  Session,
  SessionLogEntry,
  SessionMember,
} from '../boundary/session.js';

const customerBreadcrumbFields: FieldTable<CustomerBreadcrumb> = {
  id: string,
  name: string,
};

const sessionLogFields: FieldTable<SessionLogEntry> = {
  date: string,
  message: string,
};

const sessionMemberFields: FieldTable<SessionMember> = {
  identity: string,
  endpointId: string,
  displayName: string,
  isOriginalMember: bool,
  avatarUrl: string,
  applicationData: dictionary,
  callState: enumOf('None', 'Ringing', 'Connected', 'Hold'),
  role: enumOf('None', 'Caller', 'Agent', 'Transfer'),
  callSid: string,
  muted: bool,
};

export const sessionFields: FieldTable<Session> = {
  // EntityInfo
  id: string,
  dateCreated: string,
  dateLastModified: string,
  createdBy: string,
  lastModifiedBy: string,
  // SessionInfo
  dialState: enumOf('None', 'Active'),
  callState: enumOf('Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'),
  queueState: enumOf('None', 'Queued', 'Ringing', 'Connected', 'Hold', 'Disconnected'),
  accountId: string,
  accountName: string,
  customerId: string,
  customerBreadcrumb: listOf(customerBreadcrumbFields),
  customerName: string,
  endpointId: string,
  endpointName: string,
  dateCompleted: string,
  destination: string,
  toAddress: string,
  fromAddress: string,
  fromName: string,
  answeredByName: string,
  queueMemberId: string,
  channel: enumOf('Voice', 'Chat', 'Fax'),
  ended: bool,
  outcome: string,
  callSid: string,
  consoleData: string,
  holdQueueName: string,
  heldByUserId: string,
  holdReason: enumOf('None', 'Transferring'),
  conferenceSid: string,
  displayName: string,
  log: listOf(sessionLogFields),
  members: listOf(sessionMemberFields),
  callbackNumber: string,
  answeredById: string,
  direction: enumOf('Incoming', 'Outgoing'),
  fromPhoneNumber: string,
  mostRecentParticipantCallSid: string,
  wasMissed: bool,
  ringQueueId: string,
};

/** What `GET /auth/status` sends that AgentProfile keeps as it is. */
const profileFields: FieldTable<Omit<AgentProfile, 'name' | 'email'>> = {
  id: string,
  firstName: string,
  lastName: string,
  avatarUrl: string,
  roles: stringList,
  accountIds: stringList,
  accountNames: stringList,
};

/** What `GET /auth/status` may send to name the agent and their email address. */
interface AuthStatusNames {
  name?: string;
  displayName?: string;
  userName?: string;
  emailAddress?: string;
  email?: string;
}

const authStatusNameFields: FieldTable<AuthStatusNames> = {
  name: string,
  displayName: string,
  userName: string,
  emailAddress: string,
  email: string,
};

/** One session, or null when it has no usable id (a session we cannot track is no use). */
export function normalizeSession(raw: unknown, dropped?: DroppedField): Session | null {
  if (!isRecord(raw)) return null;
  const session = readFields(sessionFields, raw, dropped);
  return typeof session.id === 'string' && session.id.trim() !== '' ? session : null;
}

/**
 * The body of `GET /sessions/my`. Sessions without an id are skipped; a session listed twice
 * is kept once (the first), so nothing downstream can alert twice for it.
 */
export function normalizeSessions(body: unknown, dropped?: DroppedField): Session[] {
  const list = isRecord(body) ? readKey(body, 'sessions') : undefined;
  if (!Array.isArray(list)) {
    throw new EvoApiError(
      'bad-response',
      'Evo Voice answered without a list of calls. Check the server address; if it is right, the service may be having trouble.',
    );
  }
  const byId = new Map<string, Session>();
  for (const raw of list) {
    const session = normalizeSession(raw, dropped);
    if (session && !byId.has(session.id)) byId.set(session.id, session);
  }
  return [...byId.values()];
}

/**
 * The signed-in agent from `GET /auth/status`. `fallbackName` (the username typed at sign-in)
 * names the agent when the server gives no name at all.
 */
export function normalizeProfile(raw: unknown, fallbackName?: string): AgentProfile {
  if (!isRecord(raw)) {
    throw new EvoApiError('bad-response', NO_PROFILE);
  }
  const profile = readFields(profileFields, raw);
  const names = readFields(authStatusNameFields, raw);
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(' ');
  const name =
    nonEmpty(names.name) ??
    nonEmpty(fullName) ??
    nonEmpty(names.displayName) ??
    nonEmpty(names.userName) ??
    nonEmpty(fallbackName);
  if (name === undefined) {
    throw new EvoApiError('bad-response', NO_PROFILE);
  }
  const email = names.emailAddress ?? names.email;
  return email === undefined ? { ...profile, name } : { ...profile, name, email };
}

const NO_PROFILE =
  'Evo Voice did not say who is signed in. Check the server address and try again.';

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
