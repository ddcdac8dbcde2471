// How a failed API call reads to the agent: one mapping, shared by the watcher (its connection
// events) and the app (its notices and the start-up state), so they never disagree.
import type { EvoErrorKind } from '../evo/api.js';
import type { ConnectionStatus } from './events.js';

export type FailureStatus = Exclude<ConnectionStatus, 'online'>;

/** Unreachable is offline, a rejected password is signed out, anything else is an error. */
export function failureStatus(kind: EvoErrorKind): FailureStatus {
  switch (kind) {
    case 'network':
    case 'timeout':
      return 'offline';
    case 'rejected-credentials':
      return 'signed-out';
    default:
      return 'error';
  }
}
