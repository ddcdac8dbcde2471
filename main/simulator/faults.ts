// The failures a test may ask for: which requests fail next, and how.
import type { FaultKind } from './types.js';

export const FAULT_KINDS: readonly FaultKind[] = [
  'server-error-html',
  'malformed-json',
  'hang',
  'rate-limited',
  'connection-reset',
];

export interface PendingFault {
  kind: FaultKind;
  remaining: number;
  retryAfterSeconds: number;
  pathPrefix: string;
}

export interface FaultOptions {
  count?: number;
  retryAfterSeconds?: number;
  pathPrefix?: string;
}

export interface FaultQueue {
  inject(kind: FaultKind, options?: FaultOptions): void;
  clear(): void;
  /** The fault the request for this path meets, if any; using it counts it down. */
  take(path: string): PendingFault | undefined;
}

export function createFaultQueue(): FaultQueue {
  let pending: PendingFault[] = [];
  return {
    inject(kind, options = {}) {
      const { count = 1, retryAfterSeconds = 5, pathPrefix = '/sessions' } = options;
      if (!FAULT_KINDS.includes(kind)) {
        throw new Error(`Unknown fault "${String(kind)}": use one of ${FAULT_KINDS.join(', ')}`);
      }
      if (!Number.isInteger(count) || count < 1) {
        throw new Error(`Fault count must be a whole number of at least 1 (got ${count})`);
      }
      if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
        throw new Error(
          `retryAfterSeconds must be a whole number of seconds (got ${retryAfterSeconds})`,
        );
      }
      if (!pathPrefix.startsWith('/')) {
        throw new Error(`pathPrefix must start with "/" (got "${pathPrefix}")`);
      }
      pending.push({ kind, remaining: count, retryAfterSeconds, pathPrefix });
    },
    clear() {
      pending = [];
    },
    take(path) {
      const fault = pending.find((f) => path.startsWith(f.pathPrefix));
      if (fault === undefined) return undefined;
      fault.remaining -= 1;
      if (fault.remaining === 0) pending = pending.filter((f) => f !== fault);
      return { ...fault };
    },
  };
}
