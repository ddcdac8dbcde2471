// "Restart to update" in the tray: only for a downloaded update, and never while a call is on.
import { describe, expect, it } from 'vitest';
import type { AppState, UpdateState } from '../../main/boundary/contract.js';
import { trayMenu } from '../../main/app/tray-menu.js';
import { mayRestartNow, updateMenuItem } from '../../main/updates/rules.js';
import { T0, connected, held, queued, ringing, signedInState } from '../app/build.js';

const ready: UpdateState = { status: 'ready', version: '0.2.0' };
const labels = (state: AppState) =>
  trayMenu(state, T0).flatMap((i) => (i.kind === 'action' ? [i.label] : []));

describe('the update in the tray menu', () => {
  it('nothing until the update is downloaded', () => {
    const idle = signedInState();
    for (const update of [
      undefined,
      { status: 'idle' },
      { status: 'downloading', version: '0.2.0' },
    ] as const) {
      expect(updateMenuItem(idle, update)).toBeNull();
      expect(mayRestartNow(idle, update)).toBe(false);
      expect(labels({ ...idle, update }).some((l) => l.startsWith('Restart'))).toBe(false);
    }
  });

  it('downloaded and no call: "Restart to update", and the restart may happen', () => {
    const state = { ...signedInState(), update: ready };
    expect(updateMenuItem(state, ready)).toEqual({
      kind: 'action',
      action: { kind: 'restart-to-update' },
      label: 'Restart to update to 0.2.0',
      enabled: true,
    });
    expect(mayRestartNow(state, ready)).toBe(true);
    expect(labels(state)).toContain('Restart to update to 0.2.0');
    expect(trayMenu(state, T0)).toContainEqual(updateMenuItem(state, ready));
  });

  it.each([
    ['ringing', ringing('a')],
    ['queued', queued('a')],
    ['on hold', held('a')],
    ['connected', connected('a')],
  ])('a call %s: the item is greyed out and the app may not restart', (_, call) => {
    const state = { ...signedInState([call]), update: ready };
    expect(updateMenuItem(state, ready)).toMatchObject({
      enabled: false,
      label: 'Restart to update to 0.2.0 (after the call)',
    });
    expect(mayRestartNow(state, ready)).toBe(false);
  });

  it('an ended call does not hold the restart back', () => {
    const state = { ...signedInState([connected('a', { ended: true })]), update: ready };
    expect(mayRestartNow(state, ready)).toBe(true);
  });

  it('signed out, the update is still offered', () => {
    const state: AppState = { ...signedInState(), update: ready };
    const out = {
      ...state,
      account: { status: 'signed-out' as const, keychain: 'available' as const },
    };
    expect(labels(out)).toContain('Restart to update to 0.2.0');
  });
});
