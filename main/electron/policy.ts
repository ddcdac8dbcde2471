// Where this run finds IT's policy: the platform bits Electron and the OS know (packaged or
// not, the system, the app's id, the signed-in user). The choice itself is main/policy/choose.ts.
import { userInfo } from 'node:os';
import { app } from 'electron';
import type { PolicyPlace } from '../policy/choose.js';

/** The app's id: the macOS bundle id a configuration profile targets, Windows' AppUserModelID. */
export const APP_ID = 'io.evovoice.tray';

export interface PolicyPlaceInputs {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** os.userInfo().username; throws for a user without an entry in the system's user list. */
  username: () => string;
}

export function policyPlace(
  inputs: PolicyPlaceInputs = {
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    username: () => userInfo().username,
  },
): PolicyPlace {
  let user = '';
  try {
    user = inputs.username();
  } catch {
    // No per-user profile to read then; the computer's still applies.
  }
  return {
    platform: inputs.platform,
    packaged: inputs.isPackaged,
    env: inputs.env,
    appId: APP_ID,
    user,
  };
}
