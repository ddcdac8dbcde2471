// Where a policy comes from, behind one interface: a JSON file, the Windows registry, or a
// macOS configuration profile. Each gives the raw document; document.ts judges it.
import type { Logger } from '../log.js';
import { readPolicyDocument } from './document.js';
import type { Policy } from './document.js';
import { errorMessage } from '../boundary/errors.js';

export interface PolicySource {
  /** The raw document, undefined when there is none; a PolicyReadError when it cannot be read. */
  read(): Promise<unknown>;
  /** Calls onChange when the policy may have changed; returns the way to stop. */
  watch?(onChange: () => void): () => void;
}

/** The policy exists but cannot be read: it is ignored, and the message says where and why. */
export class PolicyReadError extends Error {
  override readonly name = 'PolicyReadError';
}

export interface PolicyLoader {
  /** The policy now, or undefined; never throws, so the app always starts. */
  load(): Promise<Policy | undefined>;
}

/**
 * Reads the policy at start and at each change; each refusal is logged once per run, however
 * often the same document is read again.
 */
export function policyLoader(source: PolicySource, log: Logger): PolicyLoader {
  const logged = new Set<string>();
  const warnOnce = (message: string) => {
    if (logged.has(message)) return;
    logged.add(message);
    log.warn(message);
  };
  return {
    async load() {
      let raw: unknown;
      try {
        raw = await source.read();
      } catch (e) {
        warnOnce(
          e instanceof PolicyReadError
            ? e.message
            : `The policy could not be read (${errorMessage(e)}); it is ignored.`,
        );
        return undefined;
      }
      const { policy, refusals } = readPolicyDocument(raw);
      for (const refusal of refusals) warnOnce(refusal);
      return policy;
    },
  };
}
