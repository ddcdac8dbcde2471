// How a failed API call reads to the agent: one mapping, shared by the watcher (its connection
// events) and the app (its notices and the start-up state), so they never disagree.
import type { EvoApiError, EvoErrorKind } from '../evo/api.js';
import type { ConnectionStatus } from './events.js';

export type FailureStatus = Exclude<ConnectionStatus, 'online'>;

/** The status of a failed call: an answer past the body cap is its own state (too-large). */
export function failureStatusOf(error: EvoApiError): FailureStatus {
  return error.details.bodyLimitBytes !== undefined ? 'too-large' : failureStatus(error.kind);
}

/**
 * Whether the next poll should wait longer than the interval. A server that answered with a
 * list too large to read is up and well: backing off would only delay the moment the list
 * shrinks back and the calls can be watched again.
 */
export function backsOff(status: FailureStatus): boolean {
  return status !== 'too-large';
}

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
