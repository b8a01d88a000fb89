import { normalize, subtract, intersect, type Interval } from './intervals';
import type { BusyAppointment, DoctorSchedule, SchedulingRules, UnavailableBlock, WeeklyRange } from './types';
import { wallToInstant, wallToInstantLenient } from './wall-clock';
import { addDays, dayOfWeek, parseTime } from '../plain-date';

function wallRange(date: string, start: string, end: string, zone: string): Interval {
  return { start: wallToInstantLenient(date, parseTime(start), zone), end: wallToInstantLenient(date, parseTime(end), zone) };
}

export function openingIntervals(date: string, rules: SchedulingRules): Interval[] {
  const key = String(dayOfWeek(date)) as keyof SchedulingRules['openingHours'];
  const ranges = rules.openingHours[key] ?? [];
  return normalize(ranges.map(([start, end]) => wallRange(date, start, end, rules.timezone)));
}

export function availabilityIntervals(date: string, weekly: readonly WeeklyRange[], zone: string): Interval[] {
  const weekday = dayOfWeek(date);
  return normalize(
    weekly.filter((r) => r.isAvailable && r.dayOfWeek === weekday).map((r) => wallRange(date, r.startTime, r.endTime, zone)),
  );
}

export function blockIntervals(date: string, blocks: readonly UnavailableBlock[], zone: string): Interval[] {
  return blocks
    .filter((b) => b.date === date)
    .map((b) =>
      b.startTime === null || b.endTime === null
        ? wallRange(date, '00:00', '24:00', zone)
        : wallRange(date, b.startTime, b.endTime, zone),
    );
}

/** The real interval an appointment occupies; null when its wall time does not exist. */
export function appointmentInterval(appointment: BusyAppointment, zone: string): Interval | null {
  const start = wallToInstant(appointment.date, parseTime(appointment.time), zone);
  return start === null ? null : { start, end: start + appointment.durationMinutes };
}

/** Bookable time before appointments: availability ∩ opening hours − unavailable blocks. */
export function workingIntervals(date: string, schedule: Pick<DoctorSchedule, 'weekly' | 'blocks'>, rules: SchedulingRules): Interval[] {
  return subtract(
    intersect(availabilityIntervals(date, schedule.weekly, rules.timezone), openingIntervals(date, rules)),
    blockIntervals(date, schedule.blocks, rules.timezone),
  );
}

/** Busy time of a doctor: each live appointment widened by the buffer on both sides. */
export function busyIntervals(appointments: readonly BusyAppointment[], bufferMinutes: number, zone: string): Interval[] {
  const busy: Interval[] = [];
  for (const appointment of appointments) {
    const interval = appointmentInterval(appointment, zone);
    if (interval) busy.push({ start: interval.start - bufferMinutes, end: interval.end + bufferMinutes });
  }
  return normalize(busy);
}

/** A doctor's free time on a date: working time minus busy time. */
export function freeIntervals(date: string, schedule: DoctorSchedule, rules: SchedulingRules): Interval[] {
  const working = workingIntervals(date, schedule, rules);
  if (working.length === 0) return working;
  // Only appointments dated the day before, that day or the day after can reach into it (an
  // appointment lasts less than a day; a buffer is at most two hours). A slot search passes a
  // month of appointments for every date: converting them all each time was its main cost.
  const before = addDays(date, -1);
  const after = addDays(date, 1);
  const near = schedule.appointments.filter((a) => a.date === date || a.date === before || a.date === after);
  const buffer = schedule.bufferMinutes ?? rules.bufferMinutes;
  return subtract(working, busyIntervals(near, buffer, rules.timezone));
}
