import { formatDayLongNoYear } from '../../stores/display-format';

/** A visit's day as a patient reads it: "Today", or "Thursday 26 November". */
export function dayLabel(isoDate: string, today: string): string {
  return isoDate === today ? 'Today' : formatDayLongNoYear(isoDate);
}
