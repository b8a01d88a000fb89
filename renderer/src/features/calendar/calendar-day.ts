import { formatClockTime } from '../../stores/display-format';
import { DateTime } from 'luxon';
import { daysBetween } from '../../../../shared/domain/plain-date';

/** A calendar date, `YYYY-MM-DD`, in the clinic's wall clock. */
export type IsoDate = string;

export function todayIn(zone: string, now: DateTime = DateTime.now()): IsoDate {
  return now.setZone(zone).toISODate() ?? now.toISODate() ?? '';
}

/** How the selected day relates to today, in words a receptionist uses. */
export function relativeDayLabel(date: IsoDate, today: IsoDate): string | null {
  const days = daysBetween(today, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return null;
}

export function clockTime(zone: string, now: DateTime = DateTime.now()): string {
  return formatClockTime(now.setZone(zone).toFormat('HH:mm'));
}
