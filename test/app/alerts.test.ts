// The alerts module with a fake clock: poll results in, notifications out. The one-minute
// "can't reach" threshold is tested here rather than in the built app, where it would take a
// real minute.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AlertsPausedUntil } from '../../main/boundary/contract.js';
import { createAlerts, type Alert } from '../../main/app/alerts.js';
import type { CardChanges } from '../../main/ringing/cards.js';
import { createAppStore, initialAppState, withSettings } from '../../main/app/app-state.js';
import { CONNECTION_NOTICES } from '../../main/app/notify-policy.js';
import { EvoApiError } from '../../main/evo/api.js';
import { T0, iso } from './build.js';

function setup(pausedUntil: AlertsPausedUntil | null = null) {
  const store = createAppStore(
    initialAppState({ ...DEFAULT_SETTINGS, alertsPausedUntil: pausedUntil }, 'available'),
  );
  const shown: Alert[] = [];
  const cards: CardChanges[] = [];
  let now = T0;
  const alerts = createAlerts(
    store,
    {
      show: (alert) => void shown.push(alert),
      cards: (changes) => void cards.push(changes),
      closeAll: () => {},
    },
    () => now,
  );
  const offline = new EvoApiError('network', 'Cannot reach evovoice.io: connection refused');
  return {
    store,
    shown,
    cards,
    /** Tags of the call cards shown (or shown again). */
    cardTags: () => cards.flatMap((c) => [...c.replace, ...c.show].map((card) => card.tag)),
    titles: () => shown.map((a) => a.title),
    /** One poll at `at` ms after T0: failed (unreachable) or answered. */
    poll(at: number, ok: boolean) {
      now = T0 + at;
      alerts.onPoll(ok ? { at: now, sessions: [] } : { at: now, error: offline });
    },
    /** A listing with these sessions, then a ringing event for call-1. */
    ring(at: number) {
      now = T0 + at;
      alerts.onPoll({ at: now, sessions: [{ id: 'call-1', callState: 'Ringing' }] });
      alerts.onEvent({
        event: 'ringing',
        sessionId: 'call-1',
        at: iso(now),
        title: 'Incoming call',
        body: 'Grace Hopper',
      });
    },
    missed(at: number) {
      now = T0 + at;
      alerts.onPoll({ at: now, sessions: [] });
      alerts.onEvent({
        event: 'missed',
        sessionId: 'call-1',
        at: iso(now),
        title: 'Missed call',
        body: 'Grace Hopper',
      });
    },
    pause(until: AlertsPausedUntil | null) {
      store.update((s) => withSettings(s, { ...s.settings, alertsPausedUntil: until }));
    },
  };
}

const { failing, recovered } = CONNECTION_NOTICES;

describe('createAlerts: connection notices', () => {
  it('polling failing for over a minute tells the agent once, and once more when it is back', () => {
    const t = setup();
    for (let at = 0; at <= 90_000; at += 3000) t.poll(at, false);
    t.poll(93_000, true);
    t.poll(96_000, true);
    expect(t.titles()).toEqual([failing.title, recovered.title]);
    expect(t.shown.every((a) => a.tag === 'connection')).toBe(true);
  });

  it('a pause silences the failing notice; an outage still going when it ends is told then', () => {
    const t = setup('until-resumed');
    for (let at = 0; at <= 90_000; at += 3000) t.poll(at, false);
    expect(t.shown).toEqual([]);
    t.pause(null);
    t.poll(93_000, false);
    expect(t.titles()).toEqual([failing.title]);
  });

  it('no recovered notice during a pause, and none owed after it', () => {
    const t = setup();
    for (let at = 0; at <= 90_000; at += 3000) t.poll(at, false);
    t.pause(T0 + 600_000);
    t.poll(93_000, true);
    t.pause(null);
    t.poll(96_000, true);
    expect(t.titles()).toEqual([failing.title]);
  });

  it('a timed pause that has run out no longer silences', () => {
    const t = setup(T0 + 30_000);
    for (let at = 0; at <= 90_000; at += 3000) t.poll(at, false);
    expect(t.titles()).toEqual([failing.title]);
  });

  it('a ring while paused shows no notification; once resumed, rings do', () => {
    const t = setup('until-resumed');
    t.ring(0);
    expect(t.cardTags()).toEqual([]);
    t.pause(null);
    t.ring(1000);
    expect(t.cardTags()).toEqual(['ringing:call-1']);
    // A ringing call is a card, not a plain alert.
    expect(t.shown).toEqual([]);
  });

  it('a missed call closes its ringing card and shows the missed alert in its place', () => {
    const t = setup();
    t.ring(0);
    t.missed(3000);
    // The listing without the call closed the card before the missed alert came.
    expect(t.cards.flatMap((c) => c.close)).toEqual(['ringing:call-1']);
    expect(t.titles()).toEqual(['Missed call']);
  });
});
