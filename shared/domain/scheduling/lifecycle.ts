export const APPOINTMENT_STATUSES = ['Scheduled', 'Confirmed', 'Completed', 'Cancelled', 'No-Show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that occupy the doctor's and the patient's time. */
export const LIVE_STATUSES: readonly AppointmentStatus[] = ['Scheduled', 'Confirmed', 'Completed'];

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  Scheduled: ['Confirmed', 'Cancelled', 'No-Show'],
  Confirmed: ['Completed', 'Cancelled', 'No-Show'],
  Completed: [],
  Cancelled: [],
  'No-Show': [],
};

export type TransitionCheck = { ok: true } | { ok: false; code: 'INVALID_TRANSITION' | 'NOT_STARTED'; message: string };

/**
 * Scheduled → Confirmed → Completed; Scheduled/Confirmed → Cancelled or No-Show. Completed and
 * No-Show only once the start has passed (a visit cannot be finished, nor missed, in advance).
 */
export function checkTransition(from: AppointmentStatus, to: AppointmentStatus, startsAt: number, now: number): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `An appointment that is ${from} cannot become ${to}.` };
  }
  if ((to === 'Completed' || to === 'No-Show') && now < startsAt) {
    return { ok: false, code: 'NOT_STARTED', message: `It can be marked ${to} once its start time has passed.` };
  }
  return { ok: true };
}

export function isLive(status: AppointmentStatus): boolean {
  return LIVE_STATUSES.includes(status);
}
