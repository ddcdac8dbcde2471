// IT's policy in the running app: read at start (before any setting is used) and again at each
// change of its source. The settings in force are the agent's stored ones with the policy laid
// over them; only the agent's own choices are ever written back, so removing a policy gives
// the agent their settings back.
import type {
  AppState,
  PolicyView,
  Settings,
  SettingsPatch,
  SignInRequest,
} from '../boundary/contract.js';
import type { Logger } from '../log.js';
import {
  applyPatch,
  effectiveSettings,
  enforcedKeys,
  mayRememberPassword,
} from '../policy/apply.js';
import { choosePolicySource, type PolicyPlace, type PolicySourceChoice } from '../policy/choose.js';
import type { Policy } from '../policy/document.js';
import { filePolicySource } from '../policy/file-source.js';
import { macPolicySource, plutilReader } from '../policy/mac-source.js';
import { regQueryReader } from '../policy/reg-query.js';
import { policyLoader, type PolicySource } from '../policy/source.js';
import { windowsPolicySource } from '../policy/windows-source.js';

export interface AppPolicy {
  /** Reads the policy now; never throws (a policy that cannot be read is no policy). */
  load(): Promise<void>;
  /** The settings in force: the stored ones with the policy's defaults and enforced values. */
  effective(stored: Settings): Settings;
  /** The part of a patch from the window the policy lets through (enforced keys taken out). */
  patch(patch: SettingsPatch): SettingsPatch;
  /** The sign-in to make: to the enforced server, whatever server the window sent. */
  signInRequest(request: SignInRequest): SignInRequest;
  /** For AppState.policy: undefined without a policy. */
  view(): PolicyView | undefined;
  /** false: the password is kept in memory only, never in the keychain. */
  mayRememberPassword(): boolean;
  /** The origins a screen pop may open on; undefined when the policy does not say. */
  allowedScreenPopOrigins(): readonly string[] | undefined;
  /**
   * Re-reads the policy at each change of its source, then calls onChange (once for a burst of
   * changes) when the policy in force changed. Returns the way to stop. A source that cannot
   * say when it changes is read again every few minutes.
   */
  follow(onChange: () => void): () => void;
}

/** Calls reread now and then until stopped; returns the way to stop. */
export type Recheck = (reread: () => void) => () => void;

/**
 * The registry and a configuration profile cannot say when they change (reg.exe and plutil
 * have no watch): they are read again this often. A policy is rolled out in minutes, not seconds.
 */
export const RECHECK_MS = 10 * 60_000;
const everyFewMinutes: Recheck = (reread) => {
  const timer = setInterval(reread, RECHECK_MS);
  // Never what keeps the app alive.
  timer.unref?.();
  return () => clearInterval(timer);
};

export function createAppPolicy(
  source: PolicySource | undefined,
  log: Logger,
  recheck: Recheck = everyFewMinutes,
): AppPolicy {
  const loader = source === undefined ? undefined : policyLoader(source, log);
  let policy: Policy | undefined;

  /** Reads the policy; true when it differs from the one in force. */
  async function load(): Promise<boolean> {
    const before = JSON.stringify(policy);
    policy = await loader?.load();
    return JSON.stringify(policy) !== before;
  }

  return {
    load: async () => void (await load()),
    effective: (stored) => effectiveSettings(stored, policy),
    patch: (patch) => applyPatch(patch, policy),
    signInRequest(request) {
      const server = policy?.enforced.server;
      return server === undefined ? request : { ...request, server };
    },
    view() {
      if (policy === undefined) return undefined;
      return {
        enforced: enforcedKeys(policy),
        ...(mayRememberPassword(policy) ? {} : { allowRememberPassword: false as const }),
      };
    },
    mayRememberPassword: () => mayRememberPassword(policy),
    allowedScreenPopOrigins: () => policy?.allowedScreenPopOrigins,
    follow(onChange) {
      if (source === undefined) return () => {};
      // A file replaced by an editor fires several events: one read at a time, and one more
      // after it when anything fired meanwhile, so the last state of the file always wins.
      let reading = false;
      let again = false;
      const reread = () => {
        again = true;
        if (reading) return;
        reading = true;
        void (async () => {
          let changed = false;
          while (again) {
            again = false;
            if (await load()) changed = true;
          }
          // The same policy read again (a touched file, a recheck) changes nothing in the app.
          if (changed) onChange();
        })().finally(() => {
          reading = false;
          if (again) reread();
        });
      };
      return source.watch ? source.watch(reread) : recheck(reread);
    },
  };
}

/** The source this run reads, from where it runs; undefined where there is none. */
export function policySourceAt(place: PolicyPlace): PolicySource | undefined {
  return policySourceFor(choosePolicySource(place));
}

/** The source for the place chosen by choosePolicySource; undefined where there is none. */
export function policySourceFor(choice: PolicySourceChoice): PolicySource | undefined {
  switch (choice.kind) {
    case 'file':
      return filePolicySource(choice.path);
    case 'windows-registry':
      return windowsPolicySource(regQueryReader);
    case 'mac-managed-preferences':
      return macPolicySource(plutilReader, choice.appId, choice.user);
    case 'none':
      return undefined;
  }
}

/** The state with the policy's view: the field is absent without a policy. */
export function withPolicy(state: AppState, view: PolicyView | undefined): AppState {
  if (view === undefined) {
    if (state.policy === undefined) return state;
    const next = { ...state };
    delete next.policy;
    return next;
  }
  return { ...state, policy: view };
}
