// States for the browser suite, with times relative to the real clock (the page runs on it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppState, MissedCall, Session } from '../../main/boundary/contract.js';
import { call, fullSession, signedIn, signedOut } from '../app-states.js';

export const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

export function liveCalls(): Session[] {
  return [
    call('ring-1', {
      fromName: 'Jane Doe',
      toAddress: 'Support line',
      customerName: 'Acme West',
      dateCreated: ago(12_000),
    }),
    call('hold-1', {
      callState: 'Hold',
      fromName: 'Marco Rossi',
      fromAddress: '+390612345678',
      toAddress: 'Sales line',
      holdQueueName: 'Sales hold',
      holdReason: 'Transferring',
      dateCreated: ago(185_000),
    }),
    call('conn-1', {
      callState: 'Connected',
      fromName: 'Li Wei',
      toAddress: 'Billing',
      customerName: 'Northwind',
      dateCreated: ago(754_000),
    }),
    call('queue-1', {
      callState: 'Disconnected', // as the real server sends a queued call
      queueState: 'Queued',
      fromName: undefined,
      fromAddress: '+15035550177',
      toAddress: 'Support line',
      dateCreated: ago(40_000),
    }),
  ];
}

/** The full session; its members keep their real https avatar URLs (main fetches those). */
export function detailedCall(): Session {
  const session = fullSession();
  return {
    ...session,
    id: 'detail-1',
    dateCreated: ago(95_000),
    dateLastModified: ago(5_000),
    dateCompleted: undefined,
  };
}

export function missedCalls(): MissedCall[] {
  const at = (ms: number): string => ago(ms);
  return [
    {
      sessionId: 'm-1',
      at: at(4 * 60_000),
      title: 'Missed call from Jane Doe',
      body: 'Support line · rang 30 s',
      seen: false,
      session: call('m-1', { fromName: 'Jane Doe', wasMissed: true }),
    },
    {
      sessionId: 'm-2',
      at: at(50 * 60_000),
      title: 'Missed call from +15035550133',
      body: 'Sales line · rang 45 s',
      seen: false,
      whileAway: true,
      number: '+15035550133',
    },
    {
      sessionId: 'm-3',
      at: at(26 * 3600_000),
      title: 'Missed call from Li Wei',
      body: 'Billing · rang 20 s',
      seen: true,
    },
  ];
}

/** What main answers for the detailed call's avatars: Bob's picture; Eve's URL gets null. */
export const BOB_AVATAR = `data:image/svg+xml,${encodeURIComponent(
  readFileSync(resolve('harness/window/avatar.svg'), 'utf8').trim(),
)}`;
export const AVATARS: Record<string, string> = { 'https://cdn.example.com/bob.png': BOB_AVATAR };

/** Calls in every group, a detailed call and three missed ones. */
export function busyState(): AppState {
  const state = signedIn({
    sessions: [...liveCalls(), detailedCall()],
    missed: missedCalls(),
    connection: { status: 'online', lastPollAt: Date.now() - 2000 },
  });
  return {
    ...state,
    settings: {
      ...state.settings,
      recentDestinations: ['2040', '+15035550142', 'sip:desk@pbx.example.com'],
    },
  };
}

export interface Screen {
  name: string;
  state: AppState;
  hash: string;
  /** A selector that is there once the view has rendered. */
  ready: string;
}

/** Every view the agent can reach, for the accessibility pass and the screenshots. */
export function screens(): Screen[] {
  const busy = busyState();
  const withNotices: AppState = {
    ...busy,
    account: {
      ...busy.account,
      keychain: 'unavailable',
      notice: 'Your password could not be saved: you will be asked for it next time.',
    },
  };
  return [
    {
      name: 'sign-in',
      state: signedOut({ keychain: 'unavailable' }),
      hash: '#/calls',
      ready: 'form',
    },
    { name: 'calls', state: busy, hash: '#/calls', ready: '.call-group' },
    { name: 'details', state: busy, hash: '#/sessions/detail-1', ready: '[data-section="ids"]' },
    {
      name: 'transfer',
      state: busy,
      hash: '#/sessions/detail-1/transfer',
      ready: '#transfer-destination',
    },
    { name: 'missed', state: busy, hash: '#/missed', ready: '.missed-row' },
    { name: 'settings', state: withNotices, hash: '#/settings', ready: '#poll-interval' },
    { name: 'empty', state: signedIn(), hash: '#/calls', ready: '.empty' },
    { name: 'gone', state: signedIn(), hash: '#/sessions/nope', ready: 'a.back' },
  ];
}
