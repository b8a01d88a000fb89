import { DEFAULT_DISPLAY_LOCALE, formatDate, type DisplayLocale } from '../display-format';
import type { AppointmentStatus } from './lifecycle';

/** The visit after the arrival, in order: shown to a room, with the doctor, checked out at the desk. */
export const VISIT_STEPS = ['in-room', 'with-doctor', 'checked-out'] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];

export interface VisitProgress {
  status: AppointmentStatus;
  date: string;
  arrived: boolean;
  /** The steps already recorded. */
  recorded: readonly VisitStep[];
}

export type VisitStepCheck =
  | { ok: true; alreadyRecorded: boolean }
  | { ok: false; code: 'NOT_TODAY' | 'NOT_ARRIVED' | 'INVALID_TRANSITION' | 'OUT_OF_ORDER'; message: string };

const WORDS: Record<VisitStep, string> = {
  'in-room': 'in the room',
  'with-doctor': 'with the doctor',
  'checked-out': 'checked out',
};

/**
 * Whether a step can be recorded: only today, only after the arrival, only on a visit that is
 * still on (Scheduled/Confirmed; checking out also after the doctor marked it Completed), and
 * never before a later step already recorded (a step may be skipped: straight to the doctor).
 * Recording a step twice keeps the first time.
 */
export function checkVisitStep(visit: VisitProgress, step: VisitStep, today: string, display: DisplayLocale = DEFAULT_DISPLAY_LOCALE): VisitStepCheck {
  if (visit.recorded.includes(step)) return { ok: true, alreadyRecorded: true };
  const open = visit.status === 'Scheduled' || visit.status === 'Confirmed' || (step === 'checked-out' && visit.status === 'Completed');
  if (!open) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `A visit that is ${visit.status} cannot be marked ${WORDS[step]}.` };
  }
  if (visit.date !== today) {
    return { ok: false, code: 'NOT_TODAY', message: `A visit can be marked ${WORDS[step]} only on its day (${formatDate(visit.date, display)}).` };
  }
  if (!visit.arrived) {
    return { ok: false, code: 'NOT_ARRIVED', message: `Record the arrival first: the patient cannot be ${WORDS[step]} before arriving.` };
  }
  const later = VISIT_STEPS.slice(VISIT_STEPS.indexOf(step) + 1).find((s) => visit.recorded.includes(s));
  if (later) {
    return { ok: false, code: 'OUT_OF_ORDER', message: `The patient is already ${WORDS[later]}.` };
  }
  return { ok: true, alreadyRecorded: false };
}
