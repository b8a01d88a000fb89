/**
 * The retry schedule of a message that failed for a reason that may pass (a 4xx reply, a server
 * that could not be reached): a few tries, further apart each time, then logged as failed.
 */
export const MAX_SEND_ATTEMPTS = 4;

/** Minutes to wait after the given failed attempt (1-based) before the next one. */
const BACKOFF_MINUTES: readonly number[] = [1, 5, 15];

export type RetryDecision = { retry: true; nextAttemptAt: number } | { retry: false };

/** After `attempts` tries (this one included) failed at `now` (epoch minutes). A permanent failure is never retried. */
export function afterFailure(attempts: number, transient: boolean, now: number): RetryDecision {
  if (!transient || attempts >= MAX_SEND_ATTEMPTS) return { retry: false };
  const wait = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 15;
  return { retry: true, nextAttemptAt: now + wait };
}

/** How long a workstation may hold a message it is sending before others see the attempt as interrupted. */
export const SEND_LEASE_MINUTES = 10;
