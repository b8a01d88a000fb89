import { DateTime } from 'luxon';
import { addDays } from '../plain-date';

/**
 * Clinic times are wall-clock times in the clinic's zone: a date 'YYYY-MM-DD' and minutes since
 * midnight (their zone-free arithmetic is in `../plain-date.ts`). All interval arithmetic
 * happens on absolute instants (epoch minutes), so a daylight-saving day has 23 or 25 real hours
 * and no slot lands in a skipped hour or counts twice.
 */
export type EpochMinutes = number;

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
