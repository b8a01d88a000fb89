import { DateTime } from 'luxon';

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

export function clockTime(zone: string, now: DateTime = DateTime.now()): string {
  return now.setZone(zone).toFormat('HH:mm');
}
