import { containedIn, overlaps } from './intervals';
import { appointmentInterval, blockIntervals, busyIntervals, openingIntervals, workingIntervals } from './day-plan';
import { earliestStart, horizonDate } from './slots';
import type { BusyAppointment, DoctorSchedule, SchedulingRules } from './types';
import { wallToInstant } from './wall-clock';
import { parseTime } from '../plain-date';

export type BookingRefusal =
  | 'NONEXISTENT_TIME'
  | 'OFF_GRID'
  | 'IN_PAST'
  | 'TOO_SHORT_NOTICE'
  | 'BEYOND_HORIZON'
  | 'OUTSIDE_OPENING_HOURS'
  | 'OUTSIDE_AVAILABILITY'
  | 'DOCTOR_UNAVAILABLE'
  | 'SLOT_TAKEN'
  | 'PATIENT_BUSY';

export type BookingCheck = { ok: true; startsAt: number; endsAt: number } | { ok: false; code: BookingRefusal; message: string };

export interface BookingRequest {
  date: string;
  time: string;
  durationMinutes: number;
}

const refuse = (code: BookingRefusal, message: string): BookingCheck => ({ ok: false, code, message });

/**
 * Every rule a booking must pass, in the order a receptionist can act on. The doctor's and the
 * patient's appointments passed in must exclude the one being moved.
 */
export function checkBooking(
  request: BookingRequest,
  doctor: DoctorSchedule,
  patientAppointments: readonly BusyAppointment[],
  rules: SchedulingRules,
  now: number,
): BookingCheck {
  const minute = parseTime(request.time);
  const startsAt = wallToInstant(request.date, minute, rules.timezone);
  if (startsAt === null) {
    return refuse('NONEXISTENT_TIME', `${request.time} does not exist on ${request.date}: the clocks change that night.`);
  }
  if (minute % rules.slotStepMinutes !== 0) {
    return refuse('OFF_GRID', `Appointments start every ${rules.slotStepMinutes} minutes; choose a time on that grid.`);
  }
  const wanted = { start: startsAt, end: startsAt + request.durationMinutes };
  if (startsAt < now) return refuse('IN_PAST', 'That time has already passed.');
  if (startsAt < earliestStart(rules, now)) {
    return refuse('TOO_SHORT_NOTICE', `Appointments need at least ${rules.minimumNoticeMinutes} minutes' notice.`);
  }
  if (request.date > horizonDate(rules, now)) {
    return refuse('BEYOND_HORIZON', `Appointments can be booked at most ${rules.bookingHorizonDays} days ahead.`);
  }
  if (!containedIn(wanted, openingIntervals(request.date, rules))) {
    return refuse('OUTSIDE_OPENING_HOURS', 'The clinic is closed at that time.');
  }
  const blocked = blockIntervals(request.date, doctor.blocks, rules.timezone).some((b) => overlaps(b, wanted));
  if (blocked) return refuse('DOCTOR_UNAVAILABLE', 'The doctor is away at that time.');
  if (!containedIn(wanted, workingIntervals(request.date, doctor, rules))) {
    return refuse('OUTSIDE_AVAILABILITY', "That time is outside the doctor's working hours.");
  }
  const buffer = doctor.bufferMinutes ?? rules.bufferMinutes;
  if (busyIntervals(doctor.appointments, buffer, rules.timezone).some((busy) => overlaps(busy, wanted))) {
    return refuse('SLOT_TAKEN', buffer > 0 ? `The doctor is busy then (including a ${buffer}-minute buffer).` : 'The doctor already has an appointment then.');
  }
  const patientClash = patientAppointments.some((a) => {
    const interval = appointmentInterval(a, rules.timezone);
    return interval !== null && overlaps(interval, wanted);
  });
  if (patientClash) return refuse('PATIENT_BUSY', 'The patient already has an appointment at that time.');
  return { ok: true, startsAt, endsAt: wanted.end };
}
