import { AppFailure } from '../../../../shared/ipc/result';

export interface CancellationTerms {
  /** Within the late-cancellation window: recorded as late. */
  late: boolean;
  reason: string | null;
}

/**
 * The clinic's cancellation policy for one visit: within `lateCancellationHours` of its start a
 * reason is required and the cancellation is marked late. Throws REASON_REQUIRED otherwise.
 */
export function cancellationTerms(startsAt: number, now: number, lateCancellationHours: number, reason: string | null | undefined): CancellationTerms {
  const late = startsAt - now < lateCancellationHours * 60;
  const trimmed = reason?.trim() || null;
  if (late && !trimmed) {
    throw new AppFailure('REASON_REQUIRED', `Cancelling within ${lateCancellationHours} hours of the start needs a reason.`, { field: 'reason' });
  }
  return { late, reason: trimmed };
}
