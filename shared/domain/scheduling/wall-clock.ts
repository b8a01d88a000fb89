import { DateTime } from 'luxon';

/**
 * Clinic times are wall-clock times in the clinic's zone: a date 'YYYY-MM-DD' and minutes since
 * midnight. All interval arithmetic happens on absolute instants (epoch minutes), so a
 * daylight-saving day has 23 or 25 real hours and no slot lands in a skipped hour or counts twice.
 */
export type EpochMinutes = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function isIsoDate(text: string): boolean {
  const match = DATE_RE.exec(text);
  if (!match) return false;
  return DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** Parsed times by their text: a clinic has a few hundred distinct times, and slot searches parse each thousands of times. */
const parsedTimes = new Map<string, number>();

/** 'HH:MM' or 'HH:MM:SS' (as MySQL returns TIME) → minutes since midnight; '24:00' allowed as an end. */
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

export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The clock of one clinic day. On most days the zone's offset is the same at both midnights, so a
 * wall-clock minute is simply the day's first instant plus that minute; only daylight-saving
 * days need the zone rules for each time. Memoized: slot searches convert many times per day.
 */
interface DayClock {
  start: EpochMinutes;
  uniform: boolean;
}
/** Zone → date → clock; nested so a lookup builds no key string. */
const dayClocks = new Map<string, Map<string, DayClock>>();

function dayClock(date: string, zone: string): DayClock {
  let clocks = dayClocks.get(zone);
  if (!clocks) dayClocks.set(zone, (clocks = new Map()));
  let clock = clocks.get(date);
  if (!clock) {
    const midnight = DateTime.fromISO(date, { zone }).startOf('day');
    const nextMidnight = midnight.plus({ days: 1 });
    const start = Math.round(midnight.toMillis() / 60000);
    // A day whose midnight itself is skipped (some zones) also goes the slow way.
    const uniform = midnight.offset === nextMidnight.offset && midnight.hour === 0 && midnight.minute === 0 &&
      Math.round(nextMidnight.toMillis() / 60000) - start === 24 * 60;
    clock = { start, uniform };
    if (clocks.size > 20000) clocks.clear();
    clocks.set(date, clock);
  }
  return clock;
}

/** True when every wall-clock minute of the date exists exactly once (no DST change that day). */
export function isUniformDay(date: string, zone: string): boolean {
  return dayClock(date, zone).uniform;
}

/** The instant of a wall-clock time, or null when that time does not exist (the spring-forward gap). */
export function wallToInstant(date: string, minutes: number, zone: string): EpochMinutes | null {
  const clock = dayClock(date, zone);
  if (clock.uniform) return clock.start + minutes;
  if (minutes === 24 * 60) return startOfDay(addDays(date, 1), zone);
  const local = DateTime.fromISO(date, { zone }).set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  if (!local.isValid || local.hour !== Math.floor(minutes / 60) || local.minute !== minutes % 60) return null;
  return Math.round(local.toMillis() / 60000);
}

/**
 * Like wallToInstant, but a time inside a gap moves forward to the first real minute after it:
 * right for the ends of opening hours and availability ranges ("open 01:00–03:00" on the night
 * the clocks jump from 02:00 to 03:00 is one real hour).
 */
export function wallToInstantLenient(date: string, minutes: number, zone: string): EpochMinutes {
  const exact = wallToInstant(date, minutes, zone);
  if (exact !== null) return exact;
  const local = DateTime.fromISO(date, { zone }).set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  return Math.round(local.toMillis() / 60000);
}

export function startOfDay(date: string, zone: string): EpochMinutes {
  return dayClock(date, zone).start;
}

export function instantToWall(instant: EpochMinutes, zone: string): { date: string; minutes: number } {
  const local = DateTime.fromMillis(instant * 60000, { zone });
  return { date: local.toISODate() as string, minutes: local.hour * 60 + local.minute };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date (no zone: a date is a day, not an instant). */
function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/**
 * Calendar arithmetic on plain dates with the Date UTC functions: slot searches and the day view
 * call these thousands of times per request, and luxon's parsing was their main cost.
 */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as the seed's doctor_availability.day_of_week. */
export function dayOfWeek(date: string): number {
  return new Date(epochDay(date) * DAY_MS).getUTCDay();
}

export function datesBetween(from: string, toInclusive: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= toInclusive; d = addDays(d, 1)) dates.push(d);
  return dates;
}
