/**
 * Plain calendar dates ('YYYY-MM-DD') and times of day ('HH:MM', or minutes after midnight):
 * the one home for their arithmetic. A plain date is a day, not an instant, so no time zone is
 * involved and the Date UTC functions are exact; where a zone matters (the clinic's "now", the
 * instant a wall-clock time falls on) see `scheduling/wall-clock.ts`. Slot searches and the day
 * view call these thousands of times per request, which is why they avoid luxon's parsing.
 */
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Days since 1970-01-01. */
function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = DATE_RE.exec(text);
  if (!match) return false;
  const day = epochDay(text);
  return Number.isFinite(day) && fromEpochDay(day) === text;
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from one date to another: 0 for the same date, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(epochDay(to) - epochDay(from));
}

/** Every date from `from` to `toInclusive`, both included; empty when `toInclusive` is earlier. */
export function datesBetween(from: string, toInclusive: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= toInclusive; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** 0 = Sunday … 6 = Saturday, as the seed's doctor_availability.day_of_week. */
export function dayOfWeek(date: string): number {
  return new Date(epochDay(date) * DAY_MS).getUTCDay();
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/**
 * The first day of the week a date falls in, for a week that starts on the given ISO weekday
 * (1 = Monday … 7 = Sunday; the clinic's setting).
 */
export function weekStartOf(date: string, firstIsoDay: number): string {
  const iso = dayOfWeek(date) === 0 ? 7 : dayOfWeek(date);
  return addDays(date, -((iso - firstIsoDay + 7) % 7));
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every date of a 'YYYY-MM' month. */
export function monthDates(month: string): string[] {
  const dates: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The first day of the month `months` away from the date's month. */
export function shiftMonth(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Parsed times by their text: a clinic has a few hundred distinct times, and slot searches parse each thousands of times. */
const parsedTimes = new Map<string, number>();

/** 'HH:MM' or 'HH:MM:SS' (as MySQL returns TIME) → minutes after midnight; '24:00' allowed as an end. */
export function parseTime(text: string): number {
  const known = parsedTimes.get(text);
  if (known !== undefined) return known;
  let minutes: number;
  if (text === '24:00' || text === '24:00:00') minutes = 24 * 60;
  else {
    const match = TIME_RE.exec(text);
    if (!match) throw new RangeError(`Not a time of day: ${text}`);
    minutes = Number(match[1]) * 60 + Number(match[2]);
  }
  if (parsedTimes.size > 10_000) parsedTimes.clear();
  parsedTimes.set(text, minutes);
  return minutes;
}

/** Minutes after midnight → 'HH:MM' (1440 gives '24:00', the end of a day). */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A time as people type it at the desk, read as 'HH:MM' (24-hour): "9:15", "09:15", "9.15",
 * "915", "0915", "9:15 am", "9:15pm", "9 am", "12:30 pm", "9". Null when it is not a time of day
 * (the form then says how to write one and keeps what was typed).
 */
export function readTimeEntry(text: string): string | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s?(a\.?m\.?|p\.?m\.?)?$/.exec(typed);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.[0];
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  } else if (hours > 23) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
