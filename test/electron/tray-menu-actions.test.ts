// What a tray menu click does: the item's typed action reaches one part, by kind, with the item's
// own values (a session id or number with colons in it stays whole).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppState } from '../../main/boundary/contract.js';
import { initialAppState, withWatchEvent } from '../../main/app/app-state.js';
import { trayMenu, type MenuItem, type TrayAction } from '../../main/app/tray-menu.js';
import type { BridgeHandlers } from '../../main/electron/ipc.js';
import { trayMenuActions, type TrayMenuParts } from '../../main/electron/tray-menu-actions.js';
import { silentLogger } from '../../main/log.js';
import {
  T0,
  held,
  missedCall,
  missedEvent,
  pausedUntil,
  ringing,
  signedInState,
} from '../app/build.js';

/** Each part a click can reach, recorded as "part(arguments)". */
function recordingParts(restartAllowed = true): { parts: TrayMenuParts; done: string[] } {
  const done: string[] = [];
  const said =
    (part: string) =>
    (...args: unknown[]) => {
      done.push(`${part}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
      return Promise.resolve();
    };
  const bridge = {
    copyText: said('copyText'),
    pauseAlerts: said('pauseAlerts'),
  } as unknown as BridgeHandlers;
  const parts: TrayMenuParts = {
    openWindow: said('openWindow'),
    bridge,
    actFromTray: said('actFromTray'),
    callBack: said('callBack'),
    lookUp: said('lookUp'),
    clearMissed: said('clearMissed'),
    signOut: said('signOut'),
    restartToUpdate: () => (said('restartToUpdate')(), restartAllowed),
    quit: said('quit'),
    log: { ...silentLogger, warn: said('warn'), info: said('info') },
  };
  return { parts, done };
}

function actionsOf(items: MenuItem[]): TrayAction[] {
  return items.flatMap((item) => {
    if (item.kind === 'action') return [item.action];
    return item.kind === 'submenu' ? actionsOf(item.items) : [];
  });
}

describe('trayMenuActions', () => {
  it.each<[TrayAction, string[]]>([
    [{ kind: 'open-session', sessionId: 'abc:1' }, ['openWindow("/sessions/abc%3A1")']],
    [
      { kind: 'call-action', action: 'hangUp', sessionId: 'abc:1' },
      ['actFromTray("abc:1", "hangUp")'],
    ],
    // Transfer needs a destination: the window's form, nothing performed yet.
    [
      { kind: 'call-action', action: 'transfer', sessionId: 'h' },
      ['openWindow("/sessions/h/transfer")'],
    ],
    [{ kind: 'screen-pop', sessionId: 'abc:1' }, ['lookUp("abc:1")']],
    [{ kind: 'call-back', number: '+1 503:555' }, ['callBack("+1 503:555")']],
    [{ kind: 'copy-number', number: '+15035550102' }, ['copyText("+15035550102")']],
    [{ kind: 'pause-alerts', minutes: 15 }, ['pauseAlerts(15)']],
    [{ kind: 'pause-alerts', minutes: 'until-resumed' }, ['pauseAlerts("until-resumed")']],
    [{ kind: 'resume-alerts' }, ['pauseAlerts(null)']],
    [{ kind: 'clear-missed' }, ['clearMissed()']],
    [{ kind: 'open-window' }, ['openWindow()']],
    [{ kind: 'open-settings' }, ['openWindow("/settings")']],
    [{ kind: 'sign-in' }, ['openWindow()']],
    [{ kind: 'sign-out' }, ['signOut()']],
    [{ kind: 'restart-to-update' }, ['restartToUpdate()']],
    [{ kind: 'quit' }, ['quit()']],
  ])('%j → %j', (action, expected) => {
    const { parts, done } = recordingParts();
    trayMenuActions(parts)(action);
    expect(done).toEqual(expected);
  });

  it('a restart refused (a call is on) is only logged', () => {
    const { parts, done } = recordingParts(false);
    trayMenuActions(parts)({ kind: 'restart-to-update' });
    expect(done).toEqual([
      'restartToUpdate()',
      'info("Restart to update: not now (a call is on).")',
    ]);
  });

  it('every item of the menu does exactly one thing, and never warns', () => {
    let state: AppState = signedInState([ringing('r'), held('h')]);
    state = pausedUntil(withWatchEvent(state, missedEvent('m')), T0 + 60_000);
    state = { ...state, missed: [{ ...missedCall('n', T0), number: '+15035550102' }] };
    state = { ...state, update: { status: 'ready', version: '0.2.0' } };
    state = {
      ...state,
      settings: {
        ...state.settings,
        screenPop: { url: 'https://x.example/{from}', when: 'manual' },
      },
    };
    const actions = [
      ...actionsOf(trayMenu(state, T0)),
      ...actionsOf(trayMenu(initialAppState(DEFAULT_SETTINGS, 'available'), T0)),
    ];
    expect(new Set(actions.map((a) => a.kind)).size).toBe(14);
    for (const action of actions) {
      const { parts, done } = recordingParts();
      trayMenuActions(parts)(action);
      expect(done, JSON.stringify(action)).toHaveLength(1);
      expect(done[0], JSON.stringify(action)).not.toMatch(/^warn/);
    }
  });
});
