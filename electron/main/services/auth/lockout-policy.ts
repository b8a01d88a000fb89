/**
 * When repeated failed sign-ins lock an account: pure, so the rule is tested without a database.
 * Failures count "in a row": a successful sign-in clears them, and once a lock has run out the
 * next failure starts a fresh count.
 */
export interface LockoutState {
  failedCount: number;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  threshold: number;
  lockMinutes: number;
}

export function isLocked(state: LockoutState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: LockoutState | null, now: Date, policy: LockoutPolicy): LockoutState {
  const lockRanOut = !!state?.lockedUntil && state.lockedUntil.getTime() <= now.getTime();
  const failedCount = (lockRanOut || !state ? 0 : state.failedCount) + 1;
  const lockedUntil = failedCount >= policy.threshold ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { failedCount, lockedUntil };
}

/** Whole minutes left, at least 1, for the message shown to the user. */
export function minutesLeft(state: LockoutState, now: Date): number {
  const ms = (state.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}
