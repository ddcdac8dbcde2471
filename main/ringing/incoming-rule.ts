// Whether the app's own incoming-call window shows. Pure.
import type { IncomingWindowMode } from '../boundary/contract.js';

/**
 * `ringing`: calls ringing that the agent was alerted to. `cardsFail`: the OS shows no cards
 * (Notification.isSupported() false) or a card reported `failed` while these calls ring.
 */
export function incomingWindowShows(
  mode: IncomingWindowMode,
  ringing: number,
  cardsFail: boolean,
): boolean {
  if (mode === 'never' || ringing === 0) return false;
  return mode === 'always' || cardsFail;
}
