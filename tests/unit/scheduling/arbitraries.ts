import fc from 'fast-check';
import type { BusyAppointment, DoctorSchedule, SchedulingRules, UnavailableBlock, WeeklyRange } from '../../../shared/domain/scheduling';
import { addDays, formatTime, startOfDay } from '../../../shared/domain/scheduling';

/** Zones with DST in both hemispheres, a 30-minute DST shift, a half-hour offset, and none. */
export const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;

/** Transition days of those zones in 2026, plus ordinary days. */
export const DATES = [
  '2026-03-08', '2026-11-01', // US
  '2026-03-29', '2026-10-25', // EU
  '2026-04-05', '2026-10-04', // Sydney, Lord Howe
  '2026-06-15', '2026-12-02', '2027-01-11',
] as const;

const minuteOnGrid = (grid: number, min = 0, max = 24 * 60) =>
  fc.integer({ min: Math.ceil(min / grid), max: Math.floor(max / grid) }).map((n) => n * grid);

const range = (grid: number) =>
  fc.tuple(minuteOnGrid(grid, 0, 23 * 60 + 45), fc.integer({ min: 1, max: 48 }).map((n) => n * grid)).map(([start, length]) => ({
    start: formatTime(start),
    end: start + length >= 24 * 60 ? '24:00' : formatTime(start + length),
  }));

export const weeklyArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 6 }), range(15), fc.boolean()).map(
    ([dayOfWeek, r, off]): WeeklyRange => ({ dayOfWeek, startTime: r.start, endTime: r.end, isAvailable: !off || dayOfWeek % 2 === 0 }),
  ),
  { maxLength: 12 },
);

export const blocksArb = (date: string) =>
  fc.array(
    fc.oneof(
      fc.constant<UnavailableBlock>({ date, startTime: null, endTime: null }),
      range(15).map((r): UnavailableBlock => ({ date, startTime: r.start, endTime: r.end === '24:00' ? '23:59' : r.end })),
    ),
    { maxLength: 2 },
  ).map((blocks) => (blocks.length === 2 ? blocks.filter((b) => b.startTime !== null) : blocks));

export const appointmentsArb = (date: string) =>
  fc.array(
    fc.tuple(minuteOnGrid(5, 0, 23 * 60 + 55), fc.integer({ min: 1, max: 24 }).map((n) => n * 5)).map(
      ([start, duration]): BusyAppointment => ({ date, time: formatTime(start), durationMinutes: duration }),
    ),
    { maxLength: 8 },
  );

export const rulesArb = fc.record({
  timezone: fc.constantFrom(...ZONES),
  slotStepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
  minimumNoticeMinutes: fc.constantFrom(0, 30, 120),
  bookingHorizonDays: fc.constantFrom(30, 400),
  bufferMinutes: fc.constantFrom(0, 5, 10),
  openingHours: fc.oneof(
    fc.constant({ '0': [['00:00', '24:00']], '1': [['00:00', '24:00']], '2': [['00:00', '24:00']], '3': [['00:00', '24:00']], '4': [['00:00', '24:00']], '5': [['00:00', '24:00']], '6': [['00:00', '24:00']] } as SchedulingRules['openingHours']),
    fc.constant({ '0': [['01:00', '04:00'], ['08:00', '12:00']], '1': [['07:00', '19:00']], '2': [['07:00', '19:00']], '3': [['07:00', '19:00']], '4': [['07:00', '19:00']], '5': [['07:00', '19:00']], '6': [['02:00', '13:00']] } as SchedulingRules['openingHours']),
  ),
}) satisfies fc.Arbitrary<SchedulingRules>;

/** A clinic day: rules, a doctor's schedule on that date, and a `now` one to three days before it. */
export const scenarioArb = fc
  .record({ date: fc.constantFrom(...DATES), rules: rulesArb, hoursBefore: fc.integer({ min: 1, max: 72 }) })
  .chain(({ date, rules, hoursBefore }) =>
    fc.record({
      date: fc.constant(date),
      rules: fc.constant(rules),
      now: fc.constant(startOfDay(date, rules.timezone) - hoursBefore * 60),
      duration: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
      schedule: fc.record({
        weekly: fc.oneof(weeklyArb, fc.constant(everyDay('00:00', '24:00'))),
        blocks: blocksArb(date),
        appointments: fc.tuple(appointmentsArb(date), appointmentsArb(addDays(date, -1))).map(([a, b]) => [...a, ...b]),
        bufferMinutes: fc.constantFrom(null, 0, 15),
      }) as fc.Arbitrary<DoctorSchedule>,
    }),
  );

export function everyDay(start: string, end: string): WeeklyRange[] {
  return [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: start, endTime: end, isAvailable: true }));
}
