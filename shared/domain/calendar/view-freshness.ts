import { addDays, daysBetween, monthOf } from '../plain-date';

export type CalendarViewKind = 'day' | 'week' | 'month';

/** What the calendar's header says is shown: the parameters the data on screen must match. */
export interface HeaderParameters {
  view: CalendarViewKind;
  date: string;
  /** The doctor of the week view. */
  weekDoctorId: number | null;
  /** The month view's specialization filter (the day grid filters its columns in place). */
  specialization: string | null;
}

/** The parameters the data held for each view was loaded for (null: nothing loaded yet). */
export interface LoadedParameters {
  dayDate: string | null;
  week: { weekStart: string; doctorId: number } | null;
  month: { month: string; specialization: string | null } | null;
}

/**
 * - `fresh`: the data on screen is for what the header states;
 * - `stale`: the data is for other parameters (another date, doctor or filter): it may stay on
 *   screen only dimmed and inert, saying what it shows, until the new data is in;
 * - `loading`: nothing to show yet.
 */
export type Freshness =
  | { state: 'fresh' }
  | { state: 'stale'; showing: string }
  | { state: 'loading' };

/** Whether the data held matches the header; what it shows when it does not. */
export function viewFreshness(header: HeaderParameters, loaded: LoadedParameters): Freshness {
  if (header.view === 'day') {
    if (loaded.dayDate === null) return { state: 'loading' };
    return loaded.dayDate === header.date ? { state: 'fresh' } : { state: 'stale', showing: loaded.dayDate };
  }
  if (header.view === 'week') {
    if (loaded.week === null) return { state: 'loading' };
    // The week starts on the clinic's first day, which main applied: the header's date lies in it.
    const offset = daysBetween(loaded.week.weekStart, header.date);
    const sameWeek = offset >= 0 && offset < 7;
    const sameDoctor = header.weekDoctorId === null || loaded.week.doctorId === header.weekDoctorId;
    return sameWeek && sameDoctor ? { state: 'fresh' } : { state: 'stale', showing: `week of ${loaded.week.weekStart}` };
  }
  if (loaded.month === null) return { state: 'loading' };
  const sameMonth = loaded.month.month === monthOf(header.date);
  const sameFilter = loaded.month.specialization === header.specialization;
  return sameMonth && sameFilter ? { state: 'fresh' } : { state: 'stale', showing: loaded.month.month };
}

/** The dates next to the shown one that are worth fetching ahead (next/previous day). */
export function neighbourDates(date: string): string[] {
  return [addDays(date, 1), addDays(date, -1)];
}
