// At most a handful of sign-in attempts an hour, whoever asks (the app, the watcher, `watch`):
// a platform that locks accounts counts attempts, and a retry loop must not spend them all.
export const SIGN_IN_ATTEMPTS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** How long until one more attempt fits in the budget: 0 when one may be sent now. */
export function waitForSignIn(attempts: readonly number[], now: number): number {
  const recent = attempts.filter((at) => now - at < HOUR_MS);
  if (recent.length < SIGN_IN_ATTEMPTS_PER_HOUR) return 0;
  const oldest = Math.min(...recent);
  return oldest + HOUR_MS - now;
}

/** The attempts still inside the hour, plus this one. */
export function withAttempt(attempts: readonly number[], now: number): number[] {
  return [...attempts.filter((at) => now - at < HOUR_MS), now];
}
