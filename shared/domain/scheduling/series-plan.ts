import { checkBooking, type BookingRefusal } from './booking-check';
import { appointmentInterval } from './day-plan';
import { overlaps } from './intervals';
import { freeSlots } from './slots';
import type { BusyAppointment, DoctorSchedule, SchedulingRules, Slot } from './types';
import { addDays, daysBetween, parseTime } from '../plain-date';

/** Alternatives for an occurrence are searched this many days either side of its rule date. */
export const ALTERNATIVE_DAYS_EITHER_SIDE = 3;
export const ALTERNATIVES_PER_OCCURRENCE = 3;

export interface SeriesSlotRequest {
  index: number;
  /** The date the repeat rule gives; alternatives are searched around it. */
  ruleDate: string;
  /** What is asked for: the rule's date and time, or an alternative chosen instead. */
  date: string;
  time: string;
}

export type OccurrencePlan =
  | (SeriesSlotRequest & { ok: true; startsAt: number; endsAt: number })
  | (SeriesSlotRequest & { ok: false; code: BookingRefusal; message: string; alternatives: Slot[] });

/** The dates an occurrence may move to: its rule date and three days either side. */
export function alternativeDates(ruleDate: string): string[] {
  const dates: string[] = [];
  for (let d = -ALTERNATIVE_DAYS_EITHER_SIDE; d <= ALTERNATIVE_DAYS_EITHER_SIDE; d++) dates.push(addDays(ruleDate, d));
  return dates;
}

const asBusy = (plan: { date: string; time: string }, durationMinutes: number): BusyAppointment => ({
  date: plan.date,
  time: plan.time,
  durationMinutes,
});

/**
 * How far a slot is from what the rule wanted: days first, then minutes of wall-clock time. A
 * receptionist offers "same time the day before" ahead of "late the evening before".
 */
function distanceFrom(request: SeriesSlotRequest, slot: Slot): [number, number] {
  const days = Math.abs(daysBetween(request.ruleDate, slot.date));
  return [days, Math.abs(parseTime(slot.time) - parseTime(request.time))];
}

/**
 * Checks every occurrence of a series with the single-booking rules, against the doctor's
 * schedule, the patient's other appointments and the series' own earlier occurrences. For each
 * occurrence that fails: up to three free slots of the same doctor within three days of its rule
 * date, nearest first (fewest days away, then closest time of day), that the patient is free for
 * too. Pure: the caller loads the schedule for every date involved (rule dates ± 3 days, and the
 * day before, whose late appointments can reach past midnight).
 */
export function planSeries(
  requests: readonly SeriesSlotRequest[],
  durationMinutes: number,
  doctor: DoctorSchedule,
  patientAppointments: readonly BusyAppointment[],
  rules: SchedulingRules,
  now: number,
): OccurrencePlan[] {
  const accepted: BusyAppointment[] = [];
  const checked = requests.map((request) => {
    const check = checkBooking(
      { date: request.date, time: request.time, durationMinutes },
      { ...doctor, appointments: [...doctor.appointments, ...accepted] },
      [...patientAppointments, ...accepted],
      rules,
      now,
    );
    if (check.ok) accepted.push(asBusy(request, durationMinutes));
    return { request, check };
  });

  // Alternatives must not collide with any occurrence that is kept, earlier or later.
  const doctorWithSeries: DoctorSchedule = { ...doctor, appointments: [...doctor.appointments, ...accepted] };
  const patientBusy = [...patientAppointments, ...accepted]
    .map((a) => appointmentInterval(a, rules.timezone))
    .filter((i): i is NonNullable<typeof i> => i !== null);

  return checked.map(({ request, check }): OccurrencePlan => {
    if (check.ok) return { ...request, ok: true, startsAt: check.startsAt, endsAt: check.endsAt };
    const alternatives = freeSlots(doctorWithSeries, rules, { now, dates: alternativeDates(request.ruleDate), durationMinutes })
      .filter((slot) => !patientBusy.some((busy) => overlaps(busy, { start: slot.startsAt, end: slot.endsAt })))
      .map((slot) => ({ slot, distance: distanceFrom(request, slot) }))
      .sort((a, b) => a.distance[0] - b.distance[0] || a.distance[1] - b.distance[1] || a.slot.startsAt - b.slot.startsAt)
      .slice(0, ALTERNATIVES_PER_OCCURRENCE)
      .map(({ slot }) => slot);
    return { ...request, ok: false, code: check.code, message: check.message, alternatives };
  });
}
