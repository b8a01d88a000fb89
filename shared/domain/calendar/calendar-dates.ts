/**
 * Date arithmetic on calendar dates ('YYYY-MM-DD'): plain UTC arithmetic, because a calendar date
 * has no time zone (the clinic's zone matters only for "now").
 */
const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDaysIso(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as the seed's day_of_week. */
export function weekdayOf(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday). */
export function mondayOfIso(date: string): string {
  return addDaysIso(date, -((weekdayOf(date) + 6) % 7));
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every date of a 'YYYY-MM' month. */
export function monthDates(month: string): string[] {
  const dates: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDaysIso(d, 1)) dates.push(d);
  return dates;
}

export function shiftMonth(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** 'HH:MM' to minutes after midnight ('24:00' is 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
