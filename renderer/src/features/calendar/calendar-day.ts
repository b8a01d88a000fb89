import { DateTime } from 'luxon';

/**
 * The hours the day grid shows until clinic opening hours reach the renderer (a later channel).
 * 07:00 to 20:00 covers the default opening hours of the settings registry with room around them.
 */
export const GRID_FIRST_HOUR = 7;
export const GRID_END_HOUR = 20;

/** A calendar date, `YYYY-MM-DD`, in the clinic's wall clock. */
export type IsoDate = string;

export function todayIn(zone: string, now: DateTime = DateTime.now()): IsoDate {
  return now.setZone(zone).toISODate() ?? now.toISODate() ?? '';
}

export function shiftDate(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date).plus({ days }).toISODate() ?? date;
}

export interface DayTitle {
  weekday: string;
  date: string;
}

export function dayTitle(date: IsoDate, zone: string): DayTitle {
  const day = DateTime.fromISO(date, { zone });
  return { weekday: day.toFormat('cccc'), date: day.toFormat('d LLLL yyyy') };
}

/** How the selected day relates to today, in words a receptionist uses. */
export function relativeDayLabel(date: IsoDate, today: IsoDate): string | null {
  const days = DateTime.fromISO(date).diff(DateTime.fromISO(today), 'days').days;
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return null;
}

/** "07:00" … "19:00": one row per hour the grid shows. */
export function gridHours(): string[] {
  const hours: string[] = [];
  for (let hour = GRID_FIRST_HOUR; hour < GRID_END_HOUR; hour += 1) hours.push(`${String(hour).padStart(2, '0')}:00`);
  return hours;
}

/**
 * Where "now" falls in the grid, as a fraction of its height; null outside the shown hours.
 * Uses the clinic's wall clock, so a workstation set to another zone still marks the right time.
 */
export function nowFraction(zone: string, now: DateTime = DateTime.now()): number | null {
  const local = now.setZone(zone);
  const minutes = local.hour * 60 + local.minute - GRID_FIRST_HOUR * 60;
  const span = (GRID_END_HOUR - GRID_FIRST_HOUR) * 60;
  return minutes >= 0 && minutes <= span ? minutes / span : null;
}

export function clockTime(zone: string, now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toFormat('HH:mm');
}
