import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import type { AppState } from '../../main/boundary/contract.js';
import {
  initialAppState,
  markMissedSeen,
  waitingForServer,
  withAccount,
  withWatchEvent,
} from '../../main/app/app-state.js';
import { MISSED_IN_MENU, trayMenu } from '../../main/app/tray-menu.js';
import { CALLS_IN_MENU_GROUP } from '../../main/app/tray-menu.js';
import { elapsedText as elapsed } from '../../main/boundary/times.js';
import type { MenuItem, MenuModel, TrayAction } from '../../main/app/tray-menu.js';
import type { CallAction } from '../../main/boundary/contract.js';
import {
  T0,
  pausedUntil,
  connected,
  connectionEvent,
  held,
  iso,
  missedEvent,
  queued,
  ringing,
  signedInState,
} from './build.js';

const UTC = { locale: 'en-GB', timeZone: 'UTC' };
const menu = (state: AppState, now = T0) => trayMenu(state, now, UTC);
const open = (sessionId: string): TrayAction => ({ kind: 'open-session', sessionId });
const act = (action: CallAction, sessionId: string): TrayAction => ({
  kind: 'call-action',
  action,
  sessionId,
});

/** The menu as text lines, so a test reads like the menu the agent sees. */
function lines(items: MenuModel): string[] {
  return items.map((item) => {
    if (item.kind === 'separator') return '---';
    if (item.kind === 'label') return `[${item.label}]`;
    if (item.kind === 'submenu') return `${item.label} >`;
    return item.label;
  });
}

function submenu(items: MenuModel, startsWith: string): MenuItem[] {
  const found = items.find((i) => i.kind === 'submenu' && i.label.startsWith(startsWith));
  if (found?.kind !== 'submenu') throw new Error(`no submenu "${startsWith}"`);
  return found.items;
}

describe('trayMenu: live calls', () => {
  it('groups calls as Ringing, On hold, Connected, Queued, with caller, line and time', () => {
    const state = signedInState([
      queued('q', { fromName: 'Quinn', dateCreated: iso(T0 - 5_000) }),
      connected('c', { fromAddress: '+15035550100', toAddress: 'Sales', dateCreated: iso(T0) }),
      held('h', { fromName: 'Hana', endpointName: 'Support', dateCreated: iso(T0 - 3_723_000) }),
      ringing('r', { fromName: 'Rae', dateCreated: iso(T0 - 42_000) }),
    ]);
    expect(lines(menu(state)).slice(0, 9)).toEqual([
      '[Ringing]',
      'Rae · 0:42 >',
      '[On hold]',
      'Hana — Support · 1:02:03 >',
      '[Connected]',
      '+15035550100 — Sales · 0:00 >',
      '[Queued]',
      'Quinn · 0:05',
      '---',
    ]);
  });

  it('lists the longest-waiting calls of a group up to the cap and counts the rest', () => {
    const many = Array.from({ length: CALLS_IN_MENU_GROUP + 25 }, (_, i) =>
      ringing(`r${i}`, { fromName: `Caller ${i}`, dateCreated: iso(T0 - i * 1000) }),
    );
    const shown = lines(menu(signedInState([...many, held('h', { fromName: 'Hana' })])));
    const oldest = many.slice(-CALLS_IN_MENU_GROUP).reverse();
    expect(shown.slice(0, CALLS_IN_MENU_GROUP + 3)).toEqual([
      '[Ringing]',
      ...oldest.map(
        (s) => `${s.fromName ?? ''} · ${elapsed(T0 - Date.parse(s.dateCreated ?? ''))} >`,
      ),
      '[and 25 more…]',
      '[On hold]',
    ]);
  });

  it('lists no stale calls when the list was too large to read, and says why', () => {
    const state = withWatchEvent(signedInState([ringing('r')]), connectionEvent('too-large'));
    expect(lines(menu(state)).slice(0, 3)).toEqual([
      '[Too many calls to watch]',
      '[Evo Voice’s list was too large to read; checking again.]',
      '---',
    ]);
  });

  it('opens the session from its submenu, or at once when it has no actions (queued)', () => {
    const items = submenu(menu(signedInState([ringing('abc-1', { fromName: 'Rae' })])), 'Rae');
    expect(items[0]).toEqual({ kind: 'action', action: open('abc-1'), label: 'Details…' });
    const [, item] = menu(signedInState([queued('q-1', { fromName: 'Quinn' })]));
    expect(item).toMatchObject({ kind: 'action', action: open('q-1') });
  });

  it("gives each call its state's actions; the item is the confirmation", () => {
    const state = signedInState([
      ringing('r', { fromName: 'Rae' }),
      held('h', { fromName: 'Hana' }),
      connected('c', { fromName: 'Cy' }),
    ]);
    const actions = (who: string) =>
      submenu(menu(state), who).flatMap((i) => (i.kind === 'action' ? [[i.label, i.action]] : []));
    expect(actions('Rae')).toEqual([
      ['Details…', open('r')],
      ['Decline', act('decline', 'r')],
    ]);
    expect(actions('Hana')).toEqual([
      ['Details…', open('h')],
      ['Resume', act('resume', 'h')],
      ['Transfer…', act('transfer', 'h')],
      ['Hang up', act('hangUp', 'h')],
    ]);
    expect(actions('Cy')).toEqual([
      ['Details…', open('c')],
      ['Hold', act('hold', 'c')],
      ['Transfer…', act('transfer', 'c')],
      ['Hang up', act('hangUp', 'c')],
    ]);
  });

  it('offers "Look up the caller" in each live call\'s submenu when a screen pop address is set', () => {
    const calls = [ringing('r', { fromName: 'Rae' }), queued('q', { fromName: 'Quinn' })];
    const screenPop = { url: 'https://crm.example.com/{from}', when: 'manual' } as const;
    const base = signedInState(calls);
    const state = { ...base, settings: { ...base.settings, screenPop } };
    const lookUp = (sessionId: string): TrayAction => ({ kind: 'screen-pop', sessionId });
    for (const [who, id] of [
      ['Rae', 'r'],
      ['Quinn', 'q'],
    ] as const) {
      expect(submenu(menu(state), who)).toContainEqual({
        kind: 'action',
        action: lookUp(id),
        label: 'Look up the caller',
      });
    }
    // Without an address there is nothing to look up with.
    const labels = submenu(menu(base), 'Rae').flatMap((i) =>
      i.kind === 'action' ? [i.label] : [],
    );
    expect(labels).not.toContain('Look up the caller');
  });

  /** Signed in as usr-me, whose endpoint (from /app/config) is ep-me. */
  const asMe = (answeredById: string) => ({
    ...withAccount(signedInState([connected('c', { fromName: 'Cy', answeredById })]), {
      user: { name: 'Me', id: 'usr-me' },
    }),
    agent: { state: 'Ready', reason: 'SetByUser', words: 'Ready', at: T0, endpointId: 'ep-me' },
  });

  it('a call another agent answered offers nothing but its details', () => {
    const items = menu(asMe('ep-other'));
    expect(() => submenu(items, 'Cy')).toThrow('no submenu');
    expect(items).toContainEqual(expect.objectContaining({ kind: 'action', action: open('c') }));
  });

  it("a call answered on the agent's endpoint (not their user id) offers its actions", () => {
    const labels = submenu(menu(asMe('ep-me')), 'Cy').flatMap((i) =>
      i.kind === 'action' ? [i.label] : [],
    );
    expect(labels).toEqual(['Details…', 'Hold', 'Transfer…', 'Hang up']);
  });

  it('lists the longest-waiting caller first within a group', () => {
    const state = signedInState([
      ringing('new', { fromName: 'New', dateCreated: iso(T0 - 1_000) }),
      ringing('old', { fromName: 'Old', dateCreated: iso(T0 - 90_000) }),
    ]);
    expect(lines(menu(state)).slice(0, 3)).toEqual(['[Ringing]', 'Old · 1:30 >', 'New · 0:01 >']);
  });

  it('times a call without a start time from when the tray first saw it', () => {
    const state = signedInState([ringing('r', { fromName: 'Rae' })], T0);
    expect(lines(menu(state, T0 + 65_000))[1]).toBe('Rae · 1:05 >');
  });

  it('says so when there are no calls', () => {
    expect(lines(menu(signedInState()))[0]).toBe('[No calls right now]');
  });

  it('hides stale calls while offline and says when the last update was', () => {
    const state = withWatchEvent(signedInState([ringing('r')], T0), connectionEvent('offline'));
    const shown = lines(menu(state, T0 + 120_000));
    expect(shown[0]).toBe('[Offline · last update 14:00]');
    expect(shown).not.toContain('[Ringing]');
  });
});

describe('trayMenu: missed calls', () => {
  it('lists missed calls newest first with their time, then Clear', () => {
    let state = signedInState();
    state = withWatchEvent(state, { ...missedEvent('a'), at: iso(T0 - 600_000) });
    state = withWatchEvent(state, missedEvent('b', ringing('b', { fromName: 'Bea' })));
    const items = submenu(menu(state), 'Missed calls');
    expect(lines(items)).toEqual(['Bea · 14:00', 'From caller a · 13:50', '---', 'Clear']);
    expect(items[0]).toMatchObject({ action: open('b') });
    expect(items[3]).toMatchObject({ action: { kind: 'clear-missed' } });
  });

  it('shows at most 10, and how many are new', () => {
    let state = signedInState();
    for (let i = 0; i < 12; i++) state = withWatchEvent(state, missedEvent(`m${i}`));
    const shown = menu(state);
    expect(lines(shown)).toContain('Missed calls (12 new) >');
    const items = submenu(shown, 'Missed calls');
    expect(
      items.filter((i) => i.kind === 'action' && i.action.kind === 'open-session'),
    ).toHaveLength(MISSED_IN_MENU);
    expect(items[0]).toMatchObject({ action: open('m11') });
    expect(lines(menu(markMissedSeen(state)))).toContain('Missed calls >');
  });

  it('shows the day for a missed call from another day', () => {
    const state = withWatchEvent(signedInState(), {
      ...missedEvent('a'),
      at: iso(T0 - 24 * 3_600_000),
    });
    expect(lines(submenu(menu(state), 'Missed calls'))[0]).toBe('From caller a · 25 Nov, 14:00');
  });

  it('says there are none when the list is empty', () => {
    expect(lines(submenu(menu(signedInState()), 'Missed calls'))).toEqual(['[No missed calls]']);
  });
});

describe('trayMenu: pausing alerts', () => {
  const pause = (minutes: 15 | 60 | 'until-resumed'): TrayAction => ({
    kind: 'pause-alerts',
    minutes,
  });
  const pauseItems = (state: AppState, now = T0) =>
    submenu(trayMenu(state, now, UTC), state.alertsPausedUntil ? 'Alerts paused' : 'Pause alerts');

  it('offers 15 minutes, 1 hour and until resumed when alerts are on', () => {
    const items = pauseItems(signedInState());
    expect(items).toEqual([
      { kind: 'action', action: pause(15), label: '15 minutes', checked: false },
      { kind: 'action', action: pause(60), label: '1 hour', checked: false },
      { kind: 'action', action: pause('until-resumed'), label: 'Until I resume', checked: false },
    ]);
  });

  it('shows until when alerts are paused, and offers to resume', () => {
    const state = pausedUntil(signedInState(), T0 + 65 * 60_000);
    expect(lines(menu(state))).toContain('Alerts paused until 15:05 >');
    expect(lines(pauseItems(state)).slice(-2)).toEqual(['---', 'Resume alerts']);
  });

  it('checks "Until I resume" when that is the pause', () => {
    const state = pausedUntil(signedInState(), 'until-resumed');
    expect(lines(menu(state))).toContain('Alerts paused until you resume >');
    expect(pauseItems(state)[2]).toMatchObject({ action: pause('until-resumed'), checked: true });
  });

  it('treats a pause that has run out as alerts on', () => {
    const state = pausedUntil(signedInState(), T0 - 1);
    const shown = menu(state);
    expect(lines(shown)).toContain('Pause alerts >');
    expect(lines(submenu(shown, 'Pause alerts'))).not.toContain('Resume alerts');
  });
});

describe('trayMenu: account', () => {
  it('ends with the agent’s name, Sign out, and Quit', () => {
    expect(lines(menu(signedInState())).slice(-8)).toEqual([
      '---',
      'Open window',
      'Settings…',
      '---',
      '[Ada Agent]',
      'Sign out',
      '---',
      'Quit Evo Voice Tray',
    ]);
  });

  it('signed out: only Open window, Settings, Sign in and Quit', () => {
    const state = initialAppState(DEFAULT_SETTINGS, 'available');
    const shown = menu(state);
    expect(lines(shown)).toEqual([
      'Open window',
      'Settings…',
      '---',
      'Sign in…',
      '---',
      'Quit Evo Voice Tray',
    ]);
    expect(shown[3]).toMatchObject({ kind: 'action', action: { kind: 'sign-in' } });
  });

  it('signed out by the server: still lists the missed calls', () => {
    let state = withWatchEvent(signedInState(), missedEvent('a'));
    state = withWatchEvent(state, connectionEvent('signed-out'));
    expect(lines(menu(state))[0]).toBe('Missed calls (1 new) >');
  });

  it('while signing in, says so and offers Sign out to cancel it', () => {
    const state = withAccount(initialAppState(DEFAULT_SETTINGS, 'available'), {
      status: 'signing-in',
    });
    const shown = menu(state);
    expect(shown).toContainEqual({ kind: 'label', label: 'Signing in…' });
    expect(shown).toContainEqual({
      kind: 'action',
      action: { kind: 'sign-out' },
      label: 'Sign out',
    });
    expect(shown.some((item) => item.kind === 'action' && item.action.kind === 'sign-in')).toBe(
      false,
    );
  });

  it('signed in with the server out of reach at start: offline, and Sign out is offered', () => {
    const state = waitingForServer(
      initialAppState({ ...DEFAULT_SETTINGS, username: 'ada' }, 'available'),
      DEFAULT_SETTINGS.server,
      'ada',
      { status: 'offline', detail: 'Cannot reach evovoice.io. Retrying…' },
    );
    const shown = lines(menu(state));
    expect(shown[0]).toBe('[Offline · reconnecting…]');
    expect(shown).toContain('[ada]');
    expect(shown).toContain('Sign out');
  });
});

describe('trayMenu: in the state’s language', () => {
  it('German words, and counts and times as German writes them', () => {
    const calls = Array.from({ length: 12_345 }, (_, i) =>
      ringing(`r${i}`, { fromName: 'Rae', dateCreated: iso(T0 - 42_000) }),
    );
    const missed = { ...missedEvent('m1'), at: iso(T0 - 3_600_000) };
    const state: AppState = { ...withWatchEvent(signedInState(calls), missed), locale: 'de' };
    const items = trayMenu(state, T0, { timeZone: 'UTC' });
    const text = lines(items);
    expect(text.slice(0, 2)).toEqual(['[Klingelt]', 'Rae · 0:42 >']);
    expect(text).toContain('[und 12.335 weitere…]');
    expect(text).toEqual(expect.arrayContaining(['Fenster öffnen', 'Evo Voice Tray beenden']));
    // The missed call's time in German's 24-hour clock.
    expect(lines(submenu(items, 'Verpasste Anrufe (1 neu)'))[0]).toBe('From caller m1 · 13:00');
  });

  it('writes a call’s time with the locale’s own digits (Intl)', () => {
    expect(elapsed(42_000, 'ar-EG')).toBe('٠:٤٢');
    expect(elapsed(3_723_000, 'de')).toBe('1:02:03');
  });
});
