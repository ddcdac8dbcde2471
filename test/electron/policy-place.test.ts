// Where the app looks for IT's policy (main/electron/policy.ts with main/policy/choose.ts):
// Electron's app.isPackaged decides whether EVO_TRAY_POLICY_FILE may name another file.
import { afterEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ app: { isPackaged: false } }));
vi.mock('electron', () => electron);

const { APP_ID, policyPlace } = await import('../../main/electron/policy.js');
const { choosePolicySource, LINUX_POLICY_FILE } = await import('../../main/policy/choose.js');

const ENV = { EVO_TRAY_POLICY_FILE: '/home/ada/my-policy.json' };
const inputs = (isPackaged: boolean, platform: NodeJS.Platform = 'linux') => ({
  isPackaged,
  platform,
  env: ENV,
  username: () => 'ada',
});

afterEach(() => {
  electron.app.isPackaged = false;
});

describe('policyPlace', () => {
  it('packaged on Linux: /etc/evo-voice-tray/policy.json, the variable ignored', () => {
    expect(choosePolicySource(policyPlace(inputs(true)))).toEqual({
      kind: 'file',
      path: LINUX_POLICY_FILE,
    });
  });

  it('not packaged: the file EVO_TRAY_POLICY_FILE names', () => {
    expect(choosePolicySource(policyPlace(inputs(false)))).toEqual({
      kind: 'file',
      path: ENV.EVO_TRAY_POLICY_FILE,
    });
  });

  it('reads app.isPackaged from Electron by default', () => {
    electron.app.isPackaged = true;
    const place = policyPlace();
    expect(place.packaged).toBe(true);
    expect(place.platform).toBe(process.platform);
  });

  it('macOS: the profile of the app id for the signed-in user; none when the user is unknown', () => {
    expect(choosePolicySource(policyPlace(inputs(true, 'darwin')))).toEqual({
      kind: 'mac-managed-preferences',
      appId: APP_ID,
      user: 'ada',
    });
    const noUser = policyPlace({
      ...inputs(true, 'darwin'),
      username: () => {
        throw new Error('no passwd entry');
      },
    });
    expect(noUser.user).toBe('');
  });
});
