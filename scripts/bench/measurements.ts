import { randomUUID } from 'node:crypto';
import { SeededRandom } from '../../electron/main/data/generator/random';
import type { SqlStore } from '../../electron/main/data/sql/open-sql-store';
import { countQueries } from '../../electron/main/data/sql/query-counter';
import { bookAppointment } from '../../electron/main/services/scheduling/booking';
import type { EpochMinuteClock } from '../../shared/domain/clock';
import { calendarDay } from '../../electron/main/services/scheduling/calendar-day';
import { loadSchedules } from '../../electron/main/services/scheduling/schedule-query';
import { soonestSlots } from '../../electron/main/services/scheduling/slot-queries';
import {
  addDays,
  checkBooking,
  freeSlots,
  LIVE_STATUSES,
  type AppointmentStatus,
  type BusyAppointment,
  type SchedulingRules,
} from '../../shared/domain/scheduling';
import { Op } from 'sequelize';
import type { RawDriver } from './raw-driver';
import { rawBook, rawCalendarDay, rawSoonest } from './raw-scheduling';
import { summarize, timeAlternating, type AlternatingTimes } from './stats';
import { alternatingRounds, cpuMsSince, inLanes, slices, type Candidate } from './throughput-lanes';

export interface Measurement {
  name: string;
  /** What the issue asks for, in words. */
  target: string;
  met: boolean;
  iterations: number;
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
  /** app p50 / raw p50 */
  ratio: number;
  /** This process's CPU milliseconds per call (p50), app and raw: less moved by other processes' load than the wall clock. */
  cpuP50: number;
  rawCpuP50: number;
  /** app CPU p50 / raw CPU p50 */
  cpuRatio: number;
  /** Statements the app's way sends per call (Sequelize's logging hook), where counted. */
  queries: number | null;
  rawQueries: number | null;
}

export interface BenchContext {
  sql: SqlStore;
  raw: RawDriver;
  rules: SchedulingRules;
  clock: EpochMinuteClock;
  today: string;
  iterations: number;
  warmup: number;
  log(line: string): void;
}

function measurement(name: string, iterations: number, times: AlternatingTimes, queries: number | null, rawQueries: number | null, target: string, met: (m: Omit<Measurement, 'met' | 'target'>) => boolean): Measurement {
  const app = summarize(times.app);
  const raw = summarize(times.raw);
  const cpu = { app: summarize(times.appCpu).p50, raw: summarize(times.rawCpu).p50 };
  const base = { name, iterations, p50: app.p50, p95: app.p95, rawP50: raw.p50, rawP95: raw.p95, ratio: app.p50 / raw.p50, cpuP50: cpu.app, rawCpuP50: cpu.raw, cpuRatio: cpu.app / cpu.raw, queries, rawQueries };
  return { ...base, target, met: met(base) };
}

/** Statements the raw driver sends for one call. */
async function rawStatements(driver: RawDriver, work: () => Promise<unknown>): Promise<number> {
  const before = driver.statements;
  await work();
  return driver.statements - before;
}

/**
 * Bookable requests that do not collide with each other: free 30-minute slots of random doctors
 * on the next 60 days, each for a different active patient who is free then. Found with the
 * app's pure rules over one schedule query and one query per patient; not timed.
 */
export async function bookingCandidates(ctx: BenchContext, count: number): Promise<Candidate[]> {
  const random = new SeededRandom(7);
  const from = addDays(ctx.today, 1);
  const to = addDays(ctx.today, 60);
  const { doctors, schedules } = await loadSchedules(ctx.sql.sequelize, {}, addDays(from, -1), addDays(to, 1));
  const patients = new Set<number>();
  const found: Candidate[] = [];
  const now = ctx.clock();
  const patientCount = await ctx.sql.models.Patient.count();
  while (found.length < count) {
    const doctor = random.pick(doctors);
    const schedule = schedules.get(doctor.id);
    const date = addDays(from, random.int(0, 59));
    if (!schedule) continue;
    const slots = freeSlots(schedule, ctx.rules, { now, dates: [date], durationMinutes: 30 });
    if (slots.length === 0) continue;
    const slot = random.pick(slots);
    const patientId = random.int(1, patientCount);
    if (patients.has(patientId)) continue;
    const patient = await ctx.sql.models.Patient.findByPk(patientId, { attributes: ['id', 'isActive'] });
    if (!patient?.isActive) continue;
    const busy = await ctx.sql.models.Appointment.findAll({
      attributes: ['appointmentDate', 'appointmentTime', 'durationMinutes'],
      where: { patientId, appointmentDate: { [Op.between]: [addDays(date, -1), addDays(date, 1)] }, status: { [Op.in]: LIVE_STATUSES as AppointmentStatus[] } },
    });
    const patientBusy: BusyAppointment[] = busy.map((b) => ({ date: b.appointmentDate, time: b.appointmentTime, durationMinutes: b.durationMinutes }));
    if (!checkBooking(slot, schedule, patientBusy, ctx.rules, now).ok) continue;
    patients.add(patientId);
    (schedule.appointments as BusyAppointment[]).push({ date, time: slot.time, durationMinutes: 30 });
    found.push({ doctorId: doctor.id, patientId, date, time: slot.time, durationMinutes: 30 });
  }
  return found;
}

/** (a) One booking: the service's transaction against the same locks, checks and inserts by hand. */
export async function benchBooking(ctx: BenchContext): Promise<Measurement> {
  const total = ctx.warmup + ctx.iterations;
  const candidates = await bookingCandidates(ctx, 2 * total + 2);
  const counted = await countQueries(ctx.sql.sequelize, () => bookAppointment(ctx.sql, { ...candidates[2 * total]!, idempotencyKey: randomUUID() }, ctx.clock));
  const rawQueries = await rawStatements(ctx.raw, () => rawBook(ctx.raw, { ...candidates[2 * total + 1]!, idempotencyKey: randomUUID() }, ctx.clock()));
  const times = await timeAlternating(
    ctx.iterations,
    ctx.warmup,
    (i) => bookAppointment(ctx.sql, { ...candidates[2 * i]!, idempotencyKey: randomUUID() }, ctx.clock),
    (i) => rawBook(ctx.raw, { ...candidates[2 * i + 1]!, idempotencyKey: randomUUID() }, ctx.clock()),
  );
  return measurement('booking (one appointment)', ctx.iterations, times, counted.statements.length, rawQueries, '<= 1.3x raw', (m) => m.ratio <= 1.3);
}

/** (b) The day view of 30 doctors: the calendar.day service against its SELECTs by hand. */
export async function benchCalendarDay(ctx: BenchContext): Promise<Measurement> {
  const { doctors } = await loadSchedules(ctx.sql.sequelize, {}, ctx.today, ctx.today);
  const doctorIds = doctors.slice(0, 30).map((d) => d.id);
  const dateOf = (i: number) => addDays(ctx.today, (i % 20) - 10);
  const counted = await countQueries(ctx.sql.sequelize, () => calendarDay(ctx.sql, { date: ctx.today, doctorIds }));
  const rawQueries = await rawStatements(ctx.raw, () => rawCalendarDay(ctx.raw, ctx.today, doctorIds));
  const times = await timeAlternating(
    ctx.iterations,
    ctx.warmup,
    (i) => calendarDay(ctx.sql, { date: dateOf(i), doctorIds }),
    (i) => rawCalendarDay(ctx.raw, dateOf(i), doctorIds),
  );
  return measurement('calendar day (30 doctors)', ctx.iterations, times, counted.statements.length, rawQueries, '<= 1.2x raw', (m) => m.ratio <= 1.2);
}

/** (c) The 5 soonest free slots over 50 doctors and 30 days. */
export async function benchSoonest(ctx: BenchContext): Promise<Measurement> {
  const { doctors } = await loadSchedules(ctx.sql.sequelize, {}, ctx.today, ctx.today);
  const doctorIds = doctors.slice(0, 50).map((d) => d.id);
  const fromDate = (i: number) => addDays(ctx.today, i % 20);
  const query = (i: number) => ({ doctorIds, count: 5, days: 30, durationMinutes: 30, fromDate: fromDate(i) });
  let worstQueries = 0;
  let worstRaw = 0;
  for (let i = 0; i < 20; i++) {
    const counted = await countQueries(ctx.sql.sequelize, () => soonestSlots(ctx.sql, query(i), ctx.clock));
    worstQueries = Math.max(worstQueries, counted.statements.length);
    worstRaw = Math.max(worstRaw, await rawStatements(ctx.raw, () => rawSoonest(ctx.raw, doctorIds, fromDate(i), 5, 30, ctx.clock())));
  }
  const times = await timeAlternating(
    ctx.iterations,
    ctx.warmup,
    (i) => soonestSlots(ctx.sql, query(i), ctx.clock),
    (i) => rawSoonest(ctx.raw, doctorIds, fromDate(i), 5, 30, ctx.clock()),
  );
  return measurement('soonest slots (50 doctors, 30 days)', ctx.iterations, times, worstQueries, worstRaw, '<= 2 queries, p50 < 10 ms', (m) => (m.queries ?? Infinity) <= 2 && m.p50 < 10);
}

export interface Throughput {
  name: string;
  /** Bookings in flight in each process. */
  inFlight: number;
  /** Processes booking at once, each with its own connections. */
  processes: 1 | 2;
  bookings: number;
  /** Bookings per second, app and raw, and app / raw. */
  app: number;
  raw: number;
  ratio: number;
  /** CPU milliseconds per booking in the booking process(es), app and raw. */
  appCpuMsPerBooking: number;
  rawCpuMsPerBooking: number;
  /** Bookings refused (slot taken, patient busy): none expected on these free slots. */
  refused: number;
  target: string;
  met: boolean;
}

/** Rounds of each side per throughput level (see `alternatingRounds`). */
export const THROUGHPUT_ROUNDS = 3;

/**
 * Bookings at 1, 5 and 20 in flight from this one process, app and raw each on their own free
 * slots and free patients (mostly free slots: no request collides with another), in alternating
 * rounds.
 */
export async function benchThroughput(ctx: BenchContext, perLevel = 60): Promise<Throughput[]> {
  const levels = [1, 5, 20];
  const candidates = await bookingCandidates(ctx, 2 * perLevel * levels.length);
  const results: Throughput[] = [];
  for (const [level, inFlight] of levels.entries()) {
    const mine = candidates.slice(2 * perLevel * level, 2 * perLevel * (level + 1));
    const items = { app: slices(mine.filter((_, i) => i % 2 === 0), THROUGHPUT_ROUNDS), raw: slices(mine.filter((_, i) => i % 2 === 1), THROUGHPUT_ROUNDS) };
    const book = { app: (c: Candidate) => bookAppointment(ctx.sql, { ...c, idempotencyKey: randomUUID() }, ctx.clock), raw: (c: Candidate) => rawBook(ctx.raw, { ...c, idempotencyKey: randomUUID() }, ctx.clock()) };
    const { app, raw } = await alternatingRounds(THROUGHPUT_ROUNDS, async (side, round) => {
      const some = items[side][round]!;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const { failed } = await inLanes(some, inFlight, book[side]);
      return { seconds: (performance.now() - started) / 1000, bookings: some.length, failed, cpuMs: cpuMsSince(cpu) };
    });
    const ratio = app.rate / raw.rate;
    results.push({
      name: `bookings, ${inFlight} in flight, one process`,
      inFlight,
      processes: 1,
      bookings: perLevel,
      app: app.rate,
      raw: raw.rate,
      ratio,
      appCpuMsPerBooking: app.cpuMsPerBooking,
      rawCpuMsPerBooking: raw.cpuMsPerBooking,
      refused: app.failed + raw.failed,
      target: inFlight === 20 ? '>= 0.7x raw' : 'reported',
      met: inFlight === 20 ? ratio >= 0.7 : true,
    });
  }
  return results;
}
