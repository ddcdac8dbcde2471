// Which policy source a run reads, pure: the platform's own place, or a file named by
// EVO_TRAY_POLICY_FILE for tests and trials. A packaged app ignores that variable: an agent
// must not be able to swap IT's policy for their own by setting it.
export const LINUX_POLICY_FILE = '/etc/evo-voice-tray/policy.json';
export const POLICY_FILE_VARIABLE = 'EVO_TRAY_POLICY_FILE';

export type PolicySourceChoice =
  | { kind: 'file'; path: string }
  | { kind: 'windows-registry' }
  | { kind: 'mac-managed-preferences'; appId: string; user: string }
  | { kind: 'none' };

export interface PolicyPlace {
  platform: NodeJS.Platform;
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  appId: string;
  /** The signed-in OS user (os.userInfo().username), for per-user managed preferences. */
  user: string;
}

export function choosePolicySource(place: PolicyPlace): PolicySourceChoice {
  const fromEnv = place.env[POLICY_FILE_VARIABLE]?.trim() ?? '';
  if (!place.packaged && fromEnv !== '') return { kind: 'file', path: fromEnv };
  switch (place.platform) {
    case 'win32':
      return { kind: 'windows-registry' };
    case 'darwin':
      return { kind: 'mac-managed-preferences', appId: place.appId, user: place.user };
    case 'linux':
      return { kind: 'file', path: LINUX_POLICY_FILE };
    default:
      return { kind: 'none' };
  }
}
