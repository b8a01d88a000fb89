import type { ConflictResolution } from '../../../../shared/ipc/sync/types';

/** The one-step buttons, and what each does in words for the tooltip. */
export const RESOLUTION_LABEL: Record<ConflictResolution, { label: string; hint: string }> = {
  'keep-theirs': { label: 'Keep theirs', hint: 'Drop the change made here; what the clinic server has stands.' },
  'keep-mine': { label: 'Keep mine', hint: 'Apply the change made here again, over what was changed on the clinic server since.' },
  'another-slot': { label: 'Choose another slot…', hint: 'Book the same appointment at another free time of that doctor.' },
};
