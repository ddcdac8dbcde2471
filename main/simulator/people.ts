// Realistic call data for the simulator, drawn from a seeded PRNG so runs repeat.
import type { CustomerBreadcrumb, Session, SessionMember } from '../boundary/session.js';
import type { SimUser } from './types.js';

/** mulberry32: a tiny, fast, well-spread PRNG; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 0x5eed_ca11;

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs at least one item');
  return item;
}

/** A whole number in [min, max]. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** The user's endpoint id: their own, else the user id (the demo keeps the two equal). */
export function endpointIdOf(user: Pick<SimUser, 'id' | 'endpointId'>): string {
  return user.endpointId ?? user.id;
}

/** The tenant every demo user and call belongs to. */
export const DEMO_ACCOUNT = { id: 'acc-5f2e9d41c7', name: 'Northwind Health Partners' } as const;

export const HOLD_QUEUES = ['Sales Hold', 'Support Hold', 'Billing Hold'] as const;

/** Colleagues who answer calls elsewhere or take transfers. */
export const COLLEAGUES = ['Sam Okafor', 'Maria Delgado', 'Chris Lindqvist', 'Aisha Khan'] as const;

const FIRST_NAMES = [
  'Emily', 'James', 'Olivia', 'Noah', 'Sophia', 'Liam', 'Ava', 'Mason', 'Isabella', 'Lucas',
  'Mia', 'Ethan', 'Harper', 'Daniel', 'Grace', 'Mateo', 'Chloe', 'Henry', 'Zoe', 'Samuel',
] as const; // prettier-ignore

const LAST_NAMES = [
  'Carter', 'Nguyen', 'Patel', 'Johnson', 'Garcia', 'Thompson', 'Kim', 'Martinez', 'Brooks',
  'Rossi', 'Walker', 'Chen', 'Murphy', 'Hughes', 'Schmidt', 'Lopez', 'Baker', 'Reyes',
] as const; // prettier-ignore

const ENDPOINTS = [
  { id: 'ep-support-01', name: 'Support Line', number: '+15035550142' },
  { id: 'ep-sales-01', name: 'Sales Line', number: '+15035550187' },
  { id: 'ep-billing-01', name: 'Billing Line', number: '+15035550113' },
  { id: 'ep-afterhours-01', name: 'After-Hours Line', number: '+15035550199' },
] as const;

const CUSTOMERS: readonly (readonly CustomerBreadcrumb[])[] = [
  [
    { id: 'cus-acme', name: 'Acme Health' },
    { id: 'cus-acme-west', name: 'West Region' },
    { id: 'cus-acme-pdx', name: 'Portland Clinic' },
  ],
  [
    { id: 'cus-acme', name: 'Acme Health' },
    { id: 'cus-acme-east', name: 'East Region' },
    { id: 'cus-acme-bos', name: 'Boston Clinic' },
  ],
  [
    { id: 'cus-harbor', name: 'Harbor Dental Group' },
    { id: 'cus-harbor-sea', name: 'Seattle Office' },
  ],
  [{ id: 'cus-pine', name: 'Pine Valley Veterinary' }],
];

const AREA_CODES = ['206', '312', '415', '503', '512', '617', '720', '971'] as const;

export function callerName(random: () => number): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/** A +1 number in the 555-01xx range, which is reserved for fiction. */
export function phoneNumber(random: () => number): string {
  return `+1${pick(random, AREA_CODES)}55501${between(random, 0, 99).toString().padStart(2, '0')}`;
}

/** Formats +15035550142 as (503) 555-0142 for log lines, as the web app does. */
export function displayNumber(e164: string): string {
  const digits = e164.replace(/^\+1/, '');
  if (!/^\d{10}$/.test(digits)) return e164;
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

export function sessionId(random: () => number): string {
  return hex(random, 32);
}

export function fullName(user: SimUser): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/** The agent's avatar: the user's own, or the simulator's generated initials picture. */
export function avatarUrlFor(user: SimUser, baseUrl: string): string {
  return user.avatarUrl ?? `${baseUrl}/avatars/${encodeURIComponent(user.id)}.svg`;
}

export interface NewCallContext {
  random: () => number;
  at: string;
  agent: SimUser;
  /** The simulator's own URL, for avatar pictures. */
  baseUrl: string;
}

/** A fresh incoming call with everything but its state: callers, lines, customers, members. */
export function generateCall(context: NewCallContext, id: string): Session {
  const { random, at, agent, baseUrl } = context;
  const endpoint = pick(random, ENDPOINTS);
  const breadcrumb = pick(random, CUSTOMERS);
  const customer = breadcrumb[breadcrumb.length - 1];
  const name = callerName(random);
  const from = phoneNumber(random);
  const callSid = `CA${hex(random, 32)}`;
  const channel = random() < 0.1 ? 'Chat' : 'Voice';
  const caller: SessionMember = {
    identity: from,
    displayName: name,
    isOriginalMember: true,
    callState: 'Connected',
    role: 'Caller',
    callSid,
    muted: false,
  };
  const agentMember: SessionMember = {
    identity: `client:${agent.id}`,
    endpointId: endpointIdOf(agent),
    displayName: fullName(agent),
    isOriginalMember: false,
    avatarUrl: avatarUrlFor(agent, baseUrl),
    applicationData: { queue: endpoint.name },
    callState: 'None',
    role: 'Agent',
    callSid: `CA${hex(random, 32)}`,
    muted: false,
  };
  return {
    id,
    dateCreated: at,
    dateLastModified: at,
    createdBy: 'system',
    lastModifiedBy: 'system',
    dialState: 'Active',
    accountId: DEMO_ACCOUNT.id,
    accountName: DEMO_ACCOUNT.name,
    customerId: customer?.id,
    customerName: customer?.name,
    customerBreadcrumb: breadcrumb.map((crumb) => ({ ...crumb })),
    endpointId: endpoint.id,
    endpointName: endpoint.name,
    destination: endpoint.number,
    toAddress: endpoint.number,
    fromAddress: from,
    fromName: name,
    fromPhoneNumber: from,
    channel,
    ended: false,
    wasMissed: false,
    callSid,
    conferenceSid: `CF${hex(random, 32)}`,
    mostRecentParticipantCallSid: agentMember.callSid,
    holdReason: 'None',
    displayName: `${name} → ${endpoint.name}`,
    direction: 'Incoming',
    ringQueueId: `rq-${endpoint.id.slice(3)}`,
    queueMemberId: `qm-${agent.id}`,
    members: [caller, agentMember],
    log: [
      {
        date: at,
        message:
          channel === 'Chat'
            ? `Chat started by ${name} on ${endpoint.name}`
            : `Call arrived from ${name} ${displayNumber(from)} on ${endpoint.name}`,
      },
    ],
  };
}

/** The simulator's own agents; the first is the demo agent. Public demo credentials. */
export const DEMO_USERS: readonly SimUser[] = [
  {
    id: 'usr-3a7c91e2',
    username: 'agent@demo.evovoice.io',
    password: 'demo-password',
    firstName: 'Jordan',
    lastName: 'Rivera',
    email: 'agent@demo.evovoice.io',
  },
  {
    id: 'usr-b81f0d54',
    username: 'supervisor@demo.evovoice.io',
    password: 'demo-supervisor',
    firstName: 'Priya',
    lastName: 'Natarajan',
    email: 'supervisor@demo.evovoice.io',
  },
];
