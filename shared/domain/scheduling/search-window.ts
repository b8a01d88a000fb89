import { addDays, dayOfWeek } from '../plain-date';
import type { SchedulingRules } from './types';

/** Dates the clinic opens on that the first read of a soonest-slot search covers: almost every search ends inside them. */
export const FIRST_WINDOW_OPEN_DAYS = 2;

/** The first read never spans more than this many dates, however long the clinic stays closed. */
const FIRST_WINDOW_MAX_DAYS = 7;

/**
 * The last date of a soonest-slot search's first read from `start`: through the
 * FIRST_WINDOW_OPEN_DAYS-th date the clinic opens (a weekend or closed weekday costs no open
 * day), at most FIRST_WINDOW_MAX_DAYS dates, never past `lastDate`. The reading is what such a
 * search costs (each date adds every chosen doctor's appointments), so it reads as few dates as
 * will usually do; a search that finds too little reads the rest of its range in one more go.
 */
export function firstSearchWindowEnd(start: string, lastDate: string, rules: Pick<SchedulingRules, 'openingHours'>): string {
  let open = 0;
  let date = start;
  for (let i = 0; i < FIRST_WINDOW_MAX_DAYS && date <= lastDate; i++, date = addDays(date, 1)) {
    const hours = rules.openingHours[String(dayOfWeek(date)) as keyof SchedulingRules['openingHours']] ?? [];
    if (hours.length > 0) open += 1;
    if (open >= FIRST_WINDOW_OPEN_DAYS) return date;
  }
  const end = addDays(start, FIRST_WINDOW_MAX_DAYS - 1);
  return end < lastDate ? end : lastDate;
}
