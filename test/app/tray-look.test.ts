import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/boundary/contract.js';
import {
  initialAppState,
  markMissedSeen,
  withAccount,
  withWatchEvent,
} from '../../main/app/app-state.js';
import { trayIconFile, trayLook, trayTooltip } from '../../main/app/tray-look.js';
import {
  connected,
  connectionEvent,
  held,
  missedEvent,
  queued,
  ringing,
  signedInState,
} from './build.js';

describe('trayLook', () => {
  it('is signed-out until the agent is signed in', () => {
    const state = initialAppState(DEFAULT_SETTINGS, 'available');
    expect(trayLook(state).icon).toBe('signed-out');
    expect(trayLook(withAccount(state, { status: 'signing-in' })).icon).toBe('signed-out');
  });

  it('is offline while polling fails, whatever calls were last seen', () => {
    const calls = signedInState([ringing('a')]);
    expect(trayLook(withWatchEvent(calls, connectionEvent('offline'))).icon).toBe('offline');
    expect(trayLook(withWatchEvent(calls, connectionEvent('error'))).icon).toBe('offline');
  });

  it('is idle with no calls, or only queued ones', () => {
    expect(trayLook(signedInState()).icon).toBe('idle');
    expect(trayLook(signedInState([queued('q')])).icon).toBe('idle');
  });

  it('shows the call that needs the agent most: ringing, then on hold, then on a call', () => {
    expect(trayLook(signedInState([connected('c'), held('h'), ringing('r')])).icon).toBe('ringing');
    expect(trayLook(signedInState([connected('c'), held('h')])).icon).toBe('on-hold');
    expect(trayLook(signedInState([queued('q'), connected('c')])).icon).toBe('on-call');
  });

  it('ignores sessions that are over', () => {
    expect(trayLook(signedInState([ringing('r', { ended: true })])).icon).toBe('idle');
  });

  it('counts only the missed calls the agent has not seen', () => {
    let state = withWatchEvent(signedInState(), missedEvent('a'));
    expect(trayLook(state).unseenMissed).toBe(1);
    state = markMissedSeen(withWatchEvent(state, missedEvent('b')));
    state = withWatchEvent(state, missedEvent('c'));
    expect(trayLook(state).unseenMissed).toBe(1);
  });
});

describe('trayIconFile', () => {
  it('names the asset, with the -missed variant when there are unseen missed calls', () => {
    expect(trayIconFile({ icon: 'ringing', unseenMissed: 0 })).toBe('ringing');
    expect(trayIconFile({ icon: 'idle', unseenMissed: 2 })).toBe('idle-missed');
  });
});

describe('trayTooltip', () => {
  it('counts calls, ringing, on hold and unseen missed calls', () => {
    const state = withWatchEvent(
      signedInState([ringing('r'), connected('c'), held('h')]),
      missedEvent('m'),
    );
    expect(trayTooltip(state)).toBe('Evo Voice · 3 calls · 1 ringing · 1 on hold · 1 missed');
    expect(trayTooltip(signedInState([connected('c')]))).toBe('Evo Voice · 1 call');
  });

  it('says when there are no calls', () => {
    expect(trayTooltip(signedInState())).toBe('Evo Voice · no calls');
  });

  it('says offline when polling fails', () => {
    const state = withWatchEvent(signedInState([ringing('r')]), connectionEvent('error'));
    expect(trayTooltip(state)).toBe('Evo Voice · offline');
  });

  it('says, when the list of calls was too large to read, that there are too many to watch', () => {
    const event = connectionEvent('too-large', 'Evo Voice sent a list larger than 64 MB.');
    const state = withWatchEvent(signedInState([ringing('r')]), event);
    expect(state.connection).toMatchObject({
      status: 'too-large',
      detail: 'Evo Voice sent a list larger than 64 MB.',
    });
    expect(trayTooltip(state)).toBe('Evo Voice · too many calls to watch');
    // Not watching: the icon that says so, not a ringing one from a stale list.
    expect(trayLook(state).icon).toBe('offline');
  });

  it('says signed out, or signing in', () => {
    const state = initialAppState(DEFAULT_SETTINGS, 'available');
    expect(trayTooltip(state)).toBe('Evo Voice · signed out');
    expect(trayTooltip(withAccount(state, { status: 'signing-in' }))).toBe(
      'Evo Voice · signing in…',
    );
  });

  it('says connecting before the first poll answers', () => {
    const state = withAccount(initialAppState(DEFAULT_SETTINGS, 'available'), {
      status: 'signed-in',
    });
    expect(trayTooltip(state)).toBe('Evo Voice · connecting…');
  });
});
