import { containedIn, type Interval } from './intervals';
import { freeIntervals } from './day-plan';
import type { DoctorSchedule, SchedulingRules, Slot } from './types';
import { instantToWall, isUniformDay, startOfDay, wallToInstant } from './wall-clock';
import { addDays, formatTime } from '../plain-date';

export interface SlotWindow {
  /** Epoch minutes; slots start at or after max(now + notice, from). */
  now: number;
  /** Dates to search, in the clinic's zone. */
  dates: readonly string[];
  durationMinutes: number;
  /** Optional earliest start as an instant (e.g. "from 14:00 today"). */
  notBefore?: number;
}

export function earliestStart(rules: SchedulingRules, now: number): number {
  return now + rules.minimumNoticeMinutes;
}

/** The last date (clinic zone) that may still be booked. */
export function horizonDate(rules: SchedulingRules, now: number): string {
  return addDays(instantToWall(now, rules.timezone).date, rules.bookingHorizonDays);
}

/**
 * Wall-clock starts on the slot grid of a date whose [start, start + duration) lies inside the
 * free intervals. Grid times that fall in a daylight-saving gap do not exist and are skipped; a
 * repeated hour yields each wall-clock time once (its first occurrence).
 */
export function slotsOnDate(date: string, free: readonly Interval[], durationMinutes: number, rules: SchedulingRules, notBefore: number): Slot[] {
  const slots: Slot[] = [];
  if (free.length === 0) return slots;
  const step = rules.slotStepMinutes;
  const push = (minute: number, start: number) =>
    slots.push({ date, time: formatTime(minute), durationMinutes, startsAt: start, endsAt: start + durationMinutes });

  if (isUniformDay(date, rules.timezone)) {
    // Fast path: walk only the free intervals, on the grid.
    const dayStart = startOfDay(date, rules.timezone);
    for (const interval of free) {
      const from = Math.max(interval.start, notBefore, dayStart) - dayStart;
      for (let minute = Math.ceil(from / step) * step; minute < 24 * 60 && dayStart + minute + durationMinutes <= interval.end; minute += step) {
        push(minute, dayStart + minute);
      }
    }
    return slots;
  }
  for (let minute = 0; minute < 24 * 60; minute += step) {
    const start = wallToInstant(date, minute, rules.timezone);
    if (start === null || start < notBefore) continue;
    if (containedIn({ start, end: start + durationMinutes }, free)) push(minute, start);
  }
  return slots;
}

/** Every bookable slot of one doctor in the window, soonest first; stops at `limit`. */
export function freeSlots(schedule: DoctorSchedule, rules: SchedulingRules, window: SlotWindow, limit = Infinity): Slot[] {
  const notBefore = Math.max(earliestStart(rules, window.now), window.notBefore ?? -Infinity);
  const lastDate = horizonDate(rules, window.now);
  const result: Slot[] = [];
  for (const date of window.dates) {
    if (date > lastDate) break;
    const slots = slotsOnDate(date, freeIntervals(date, schedule, rules), window.durationMinutes, rules, notBefore);
    for (const slot of slots) {
      result.push(slot);
      if (result.length >= limit) return result;
    }
  }
  return result;
}
