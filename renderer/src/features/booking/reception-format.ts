import type { AppError } from '../../../../shared/ipc/result';
import type { SlotView } from '../../../../shared/ipc/scheduling-types';

/** The alternatives main offers with a SLOT_TAKEN (and similar) refusal. */
export function alternativesOf(error: AppError): SlotView[] {
  const details = error.details as { alternatives?: unknown } | undefined;
  return Array.isArray(details?.alternatives) ? (details.alternatives as SlotView[]) : [];
}

export const PRIORITY_LABEL: Record<number, string> = { 1: 'Urgent', 2: 'High', 3: 'Normal' };
