import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { AlertKinds, Settings } from '../../main/boundary/contract.js';
import {
  CONNECTION_FAILING_AFTER_MS,
  CONNECTION_NOTICES,
  QUIET_CONNECTION,
  connectionAlertsOn,
  connectionNotification,
  connectionWatch,
  notificationFor,
} from '../../main/app/notify-policy.js';
import { isPaused } from '../../main/boundary/alerts-paused.js';
import type { ConnectionAlertState, ConnectionNotice } from '../../main/app/notify-policy.js';
import type { ConnectionState } from '../../main/boundary/contract.js';
import type { HeldEvent, SessionEvent, WatchEvent } from '../../main/watch/events.js';
import { T0, connectionEvent, iso } from './build.js';

const sessionEvent = (event: SessionEvent['event'], sessionId = 's1'): SessionEvent => ({
  event,
  sessionId,
  at: iso(T0),
  title: event,
  body: '',
});
const heldEvent = (reminder: boolean): HeldEvent => ({
  event: 'held',
  sessionId: 's1',
  at: iso(T0),
  title: 'On hold',
  body: '',
  heldForMs: 120_000,
  reminder,
});
const withAlerts = (alerts: Partial<AlertKinds>, extra: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...extra,
  alerts: { ...DEFAULT_SETTINGS.alerts, ...alerts },
});

const ALERTING: [keyof AlertKinds, WatchEvent][] = [
  ['ringing', sessionEvent('ringing')],
  ['held', heldEvent(false)],
  ['held', heldEvent(true)],
  ['missed', sessionEvent('missed')],
];

describe('notificationFor', () => {
  it.each(ALERTING)('%s alerts when its kind is on, tagged with the session', (_kind, event) => {
    expect(notificationFor(event, DEFAULT_SETTINGS, null, T0)).toEqual({
      show: true,
      silent: false,
      tag: 's1',
    });
  });

  it.each(ALERTING)('%s stays quiet when its kind is off', (kind, event) => {
    expect(notificationFor(event, withAlerts({ [kind]: false }), null, T0)).toEqual({
      show: false,
    });
  });

  it('turning one kind off leaves the others on', () => {
    const settings = withAlerts({ held: false });
    expect(notificationFor(sessionEvent('ringing'), settings, null, T0).show).toBe(true);
    expect(notificationFor(heldEvent(false), settings, null, T0).show).toBe(false);
  });

  it.each(['answered', 'answered-elsewhere', 'ended'] as const)('%s never alerts', (kind) => {
    expect(notificationFor(sessionEvent(kind), DEFAULT_SETTINGS, null, T0)).toEqual({
      show: false,
    });
  });

  it('stays quiet while paused, until resumed or until the pause ends', () => {
    const ring = sessionEvent('ringing');
    expect(notificationFor(ring, DEFAULT_SETTINGS, 'until-resumed', T0).show).toBe(false);
    expect(notificationFor(ring, DEFAULT_SETTINGS, T0 + 1, T0).show).toBe(false);
    expect(notificationFor(ring, DEFAULT_SETTINGS, T0, T0).show).toBe(true);
    expect(notificationFor(ring, DEFAULT_SETTINGS, undefined, T0).show).toBe(true);
  });

  it('is silent when sound is off', () => {
    const quiet = withAlerts({}, { sound: false });
    expect(notificationFor(sessionEvent('missed'), quiet, null, T0)).toEqual({
      show: true,
      silent: true,
      tag: 's1',
    });
  });

  it('always tells the agent about being signed out, even paused with connection alerts off', () => {
    const settings = withAlerts({ connection: false, ringing: false }, { sound: false });
    const event = connectionEvent('signed-out');
    expect(notificationFor(event, settings, 'until-resumed', T0)).toEqual({
      show: true,
      silent: true,
      tag: 'connection',
    });
  });

  it.each(['online', 'offline', 'error'] as const)(
    'does not alert on a %s connection event directly',
    (status) => {
      expect(notificationFor(connectionEvent(status), DEFAULT_SETTINGS, null, T0)).toEqual({
        show: false,
      });
    },
  );
});

describe('connectionAlertsOn', () => {
  it('is on with connection alerts on and alerts not paused', () => {
    expect(connectionAlertsOn(DEFAULT_SETTINGS, null, T0)).toBe(true);
    expect(connectionAlertsOn(DEFAULT_SETTINGS, T0, T0)).toBe(true);
  });

  it('respects the alert pause, as every alert but signed-out does', () => {
    expect(connectionAlertsOn(DEFAULT_SETTINGS, 'until-resumed', T0)).toBe(false);
    expect(connectionAlertsOn(DEFAULT_SETTINGS, T0 + 1, T0)).toBe(false);
  });

  it('is off when connection alerts are off', () => {
    expect(connectionAlertsOn(withAlerts({ connection: false }), null, T0)).toBe(false);
  });
});

describe('isPaused', () => {
  it('is paused until the time, or until resumed; not paused when unset', () => {
    expect(isPaused('until-resumed', T0)).toBe(true);
    expect(isPaused(T0 + 1, T0)).toBe(true);
    expect(isPaused(T0, T0)).toBe(false);
    expect(isPaused(null, T0)).toBe(false);
    expect(isPaused(undefined, T0)).toBe(false);
  });
});

type Status = ConnectionState['status'] | 'signed-out';

/** Feeds poll results at the given offsets from T0; returns the notices, with their offsets. */
function run(results: [number, Status][], enabled = true) {
  let memory: ConnectionAlertState = QUIET_CONNECTION;
  const notices: [number, ConnectionNotice][] = [];
  for (const [offset, status] of results) {
    const { next, notify } = connectionWatch(memory, status, T0 + offset, enabled);
    memory = next;
    if (notify) notices.push([offset, notify]);
  }
  return notices;
}

const failingEvery3s = (from: number, to: number): [number, Status][] => {
  const results: [number, Status][] = [];
  for (let t = from; t <= to; t += 3000) results.push([t, 'offline']);
  return results;
};

describe('connectionWatch', () => {
  it('tells the agent once when polling has failed for over a minute', () => {
    expect(run(failingEvery3s(0, 300_000))).toEqual([[63_000, 'failing']]);
  });

  it('does not count a failure at exactly one minute as over a minute', () => {
    expect(
      run([
        [0, 'error'],
        [CONNECTION_FAILING_AFTER_MS, 'error'],
      ]),
    ).toEqual([]);
    expect(
      run([
        [0, 'error'],
        [CONNECTION_FAILING_AFTER_MS + 1, 'error'],
      ]),
    ).toEqual([[CONNECTION_FAILING_AFTER_MS + 1, 'failing']]);
  });

  it('tells the agent once when it recovers after that', () => {
    const results: [number, Status][] = [
      ...failingEvery3s(0, 90_000),
      [93_000, 'online'],
      [96_000, 'online'],
    ];
    expect(run(results)).toEqual([
      [63_000, 'failing'],
      [93_000, 'recovered'],
    ]);
  });

  it('says nothing about a short outage, neither failing nor recovered', () => {
    expect(run([...failingEvery3s(0, 57_000), [60_000, 'online']])).toEqual([]);
  });

  it('measures each outage from its own first failure', () => {
    const results: [number, Status][] = [
      ...failingEvery3s(0, 30_000),
      [33_000, 'online'],
      ...failingEvery3s(36_000, 90_000),
    ];
    expect(run(results)).toEqual([]);
  });

  it('stays quiet when connection alerts are off, and owes no recovery', () => {
    expect(run([...failingEvery3s(0, 120_000), [123_000, 'online']], false)).toEqual([]);
  });

  it('starts afresh after a sign-out, with no recovery notice', () => {
    expect(
      run([...failingEvery3s(0, 90_000), [93_000, 'signed-out'], [200_000, 'online']]),
    ).toEqual([[63_000, 'failing']]);
  });

  it('has agent-facing text for both notices', () => {
    expect(CONNECTION_NOTICES.failing.title).toMatch(/Evo Voice/);
    expect(CONNECTION_NOTICES.recovered.title).toMatch(/Evo Voice/);
    expect(connectionNotification(withAlerts({}, { sound: false }))).toEqual({
      show: true,
      silent: true,
      tag: 'connection',
    });
  });
});
