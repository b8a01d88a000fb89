import { DEFAULT_DISPLAY_LOCALE, formatDate, type DisplayLocale } from '../display-format';
import type { AppointmentStatus } from './lifecycle';

export type ArrivalCheck =
  | { ok: true; alreadyRecorded: boolean; newStatus: AppointmentStatus }
  | { ok: false; code: 'INVALID_TRANSITION' | 'NOT_TODAY'; message: string };

/**
 * A patient can be recorded as arrived for a Scheduled or Confirmed appointment of today (clinic
 * date). Arrival confirms a Scheduled visit: the patient is standing at the desk. Recording it a
 * second time (a double tap at the kiosk, two receptionists) keeps the first time.
 */
export function checkArrival(
  appointment: { status: AppointmentStatus; date: string; checkedIn: boolean },
  today: string,
  display: DisplayLocale = DEFAULT_DISPLAY_LOCALE,
): ArrivalCheck {
  if (appointment.checkedIn) return { ok: true, alreadyRecorded: true, newStatus: appointment.status };
  if (appointment.status !== 'Scheduled' && appointment.status !== 'Confirmed') {
    return { ok: false, code: 'INVALID_TRANSITION', message: `An appointment that is ${appointment.status} cannot be checked in.` };
  }
  if (appointment.date !== today) {
    return { ok: false, code: 'NOT_TODAY', message: `Arrival can be recorded only on the day of the appointment (${formatDate(appointment.date, display)}).` };
  }
  return { ok: true, alreadyRecorded: false, newStatus: 'Confirmed' };
}
