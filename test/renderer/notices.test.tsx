// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../main/boundary/contract.js';
import { signedIn } from '../../harness/app-states.js';
import { mountApp, navigate, settle, type Mounted } from './mount.js';
import { stubBridge } from './stub-bridge.js';

let app: Mounted | undefined;
afterEach(() => app?.unmount());

const NOTICE =
  'Your password could not be saved in the keychain: you will sign in again next time.';
const KEYCHAIN = 'Your system keychain is unavailable';

function withAccount(account: Partial<AppState['account']>): AppState {
  const state = signedIn();
  return { ...state, account: { ...state.account, ...account } };
}

const notices = (m: Mounted): string[] => m.findAll('.notice').map((n) => n.textContent ?? '');

describe('notices', () => {
  it("shows main's notice at the top of the calls and of the settings", async () => {
    app = await mountApp(stubBridge(withAccount({ notice: NOTICE })), '#/calls');
    expect(notices(app)).toEqual([NOTICE]);
    expect(app.find('main .notices').previousElementSibling?.id).toBe('view-title');
    await navigate('#/settings');
    expect(notices(app)).toEqual([NOTICE]);
    await navigate('#/missed');
    expect(notices(app)).toEqual([]);
  });

  it('reads out a notice that arrives while the view is open, and drops it when main does', async () => {
    const bridge = stubBridge(signedIn());
    app = await mountApp(bridge, '#/calls');
    const region = app.find('.notices');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    bridge.push(withAccount({ notice: NOTICE }));
    await settle();
    expect(app.find('.notices')).toBe(region);
    expect(region.textContent).toBe(NOTICE);
    bridge.push(signedIn());
    await settle();
    expect(notices(app)).toEqual([]);
  });

  it('says the keychain is unavailable in the settings too, not on the calls', async () => {
    app = await mountApp(stubBridge(withAccount({ keychain: 'unavailable' })), '#/settings');
    expect(notices(app)).toHaveLength(1);
    expect(notices(app)[0]).toContain(KEYCHAIN);
    await navigate('#/calls');
    expect(notices(app)).toEqual([]);
  });
});
