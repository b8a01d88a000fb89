import { Op, type Transaction } from 'sequelize';
import {
  appointmentInterval,
  containedIn,
  instantToWall,
  normalize,
  overlaps,
  workingIntervals,
  wallToInstantLenient,
  parseTime,
  type DoctorSchedule,
  type Interval,
  type SchedulingRules,
} from '../../../../shared/domain/scheduling';
import type {
  AffectedAppointment,
  BlockView,
  ConflictResolution,
  DoctorScheduleView,
  ScheduleChangeResult,
  UnavailableBlockInput,
  WeeklyRange,
} from '../../../../shared/ipc/admin/availability';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { appointmentRepository } from '../../data/sql/repositories/appointment-repository';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { cancelInTransaction } from '../scheduling/booking';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';

/**
 * A doctor's weekly hours and days off: read, change, and what a change does to booked
 * appointments. Every function takes the doctor's id and the acting user, so the admin screens
 * and a doctor editing their own hours (schedule.own) share it; who may act for which doctor is
 * the caller's check.
 */

/** Called once per appointment this service cancels (after it is cancelled): the caller audits each. */
export type OnCancelled = (appointment: AppointmentView) => Promise<void>;

const hhmm = (time: string | null): string | null => (time === null ? null : time.slice(0, 5));

/**
 * With a transaction the row is locked (FOR UPDATE on MySQL; SQLite's IMMEDIATE transaction
 * already excludes every other writer): a booking locks the doctor's row first too, so a booking
 * and a change of the doctor's hours run one after the other, never interleaved.
 */
async function requireDoctorRow(sql: SqlStore, doctorId: number, transaction?: Transaction) {
  const doctor = await sql.models.Doctor.findByPk(doctorId, { attributes: ['id', 'isActive'], ...(transaction ? { transaction, lock: transaction.LOCK.UPDATE } : {}) });
  if (!doctor) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  return doctor;
}

function todayOf(rules: SchedulingRules, clock: EpochMinuteClock): string {
  return instantToWall(clock(), rules.timezone).date;
}

export async function loadDoctorSchedule(sql: SqlStore, doctorId: number, clock: EpochMinuteClock): Promise<DoctorScheduleView> {
  await requireDoctorRow(sql, doctorId);
  const rules = schedulingRules(await loadClinicSettings(sql.models));
  const [weekly, blocks] = await Promise.all([
    sql.models.DoctorAvailability.findAll({ where: { doctorId }, order: [['dayOfWeek', 'ASC'], ['startTime', 'ASC'], ['id', 'ASC']] }),
    sql.models.DoctorUnavailableDate.findAll({
      where: { doctorId, unavailableDate: { [Op.gte]: todayOf(rules, clock) } },
      order: [['unavailableDate', 'ASC'], ['startTime', 'ASC'], ['id', 'ASC']],
    }),
  ]);
  return {
    doctorId,
    weekly: weekly.map((r) => ({ id: r.id, dayOfWeek: r.dayOfWeek, startTime: hhmm(r.startTime)!, endTime: hhmm(r.endTime)!, isAvailable: Boolean(r.isAvailable) })),
    blocks: blocks.map(
      (b): BlockView => ({ id: b.id, date: b.unavailableDate, startTime: hhmm(b.startTime ?? null), endTime: hhmm(b.endTime ?? null), reason: b.reason ?? null }),
    ),
  };
}

/** The doctor's booked (Scheduled, Confirmed) appointments that have not started, on the given dates or from a date on. */
async function upcomingAppointments(
  sql: SqlStore,
  doctorId: number,
  dates: { from: string; to?: string },
  now: number,
  zone: string,
  transaction?: Transaction,
): Promise<AffectedAppointment[]> {
  const booked = await appointmentRepository(sql).bookedOfDoctor(doctorId, dates, transaction);
  return booked.filter((a) => (appointmentInterval({ date: a.date, time: a.time, durationMinutes: a.durationMinutes }, zone)?.start ?? -Infinity) > now);
}

async function currentParts(sql: SqlStore, doctorId: number, fromDate: string, transaction?: Transaction): Promise<Pick<DoctorSchedule, 'weekly' | 'blocks'>> {
  const [weekly, blocks] = await Promise.all([
    sql.models.DoctorAvailability.findAll({ where: { doctorId }, ...(transaction ? { transaction } : {}) }),
    sql.models.DoctorUnavailableDate.findAll({ where: { doctorId, unavailableDate: { [Op.gte]: fromDate } }, ...(transaction ? { transaction } : {}) }),
  ]);
  return {
    weekly: weekly.map((r) => ({ dayOfWeek: r.dayOfWeek, startTime: r.startTime, endTime: r.endTime, isAvailable: Boolean(r.isAvailable) })),
    blocks: blocks.map((b) => ({ date: b.unavailableDate, startTime: b.startTime ?? null, endTime: b.endTime ?? null })),
  };
}

function fits(appointment: AffectedAppointment, schedule: Pick<DoctorSchedule, 'weekly' | 'blocks'>, rules: SchedulingRules): boolean {
  const interval = appointmentInterval(appointment, rules.timezone);
  return interval !== null && containedIn(interval, normalize(workingIntervals(appointment.date, schedule, rules)));
}

/**
 * Booked appointments that fit the doctor's current hours and would not fit the new week:
 * the ones this change, and not an earlier one, would strand.
 */
export async function previewWeeklyChange(sql: SqlStore, doctorId: number, weekly: readonly WeeklyRange[], clock: EpochMinuteClock, transaction?: Transaction): Promise<AffectedAppointment[]> {
  await requireDoctorRow(sql, doctorId, transaction);
  const rules = schedulingRules(await loadClinicSettings(sql.models));
  const now = clock();
  const today = todayOf(rules, clock);
  const current = await currentParts(sql, doctorId, today, transaction);
  const proposed = { weekly, blocks: current.blocks };
  const upcoming = await upcomingAppointments(sql, doctorId, { from: today }, now, rules.timezone, transaction);
  return upcoming.filter((a) => fits(a, current, rules) && !fits(a, proposed, rules));
}

function blockInterval(block: UnavailableBlockInput, zone: string): Interval {
  const start = block.startTime ?? '00:00';
  const end = block.endTime ?? '24:00';
  return { start: wallToInstantLenient(block.date, parseTime(start), zone), end: wallToInstantLenient(block.date, parseTime(end), zone) };
}

/** Booked appointments a new block would hit (any overlap with it). */
export async function previewBlock(sql: SqlStore, doctorId: number, block: UnavailableBlockInput, clock: EpochMinuteClock, transaction?: Transaction): Promise<AffectedAppointment[]> {
  await requireDoctorRow(sql, doctorId, transaction);
  const rules = schedulingRules(await loadClinicSettings(sql.models));
  const blocked = blockInterval(block, rules.timezone);
  // an appointment lasts less than a day: only the day before can reach into the block's date
  const dayBefore = instantToWall(wallToInstantLenient(block.date, 0, rules.timezone) - 1, rules.timezone).date;
  const upcoming = await upcomingAppointments(sql, doctorId, { from: dayBefore, to: block.date }, clock(), rules.timezone, transaction);
  return upcoming.filter((a) => {
    const interval = appointmentInterval(a, rules.timezone);
    return interval !== null && overlaps(interval, blocked);
  });
}

/**
 * Applies the admin's choice about the affected appointments, inside the change's transaction.
 * 'cancel' must name exactly the appointments affected now: when a booking came or went since
 * the preview, CONFLICT with the current list and nothing is changed, so nobody is cancelled
 * whom the admin did not see.
 */
async function resolveInTransaction(
  sql: SqlStore,
  affected: AffectedAppointment[],
  resolution: ConflictResolution,
  user: SessionUser,
  clock: EpochMinuteClock,
  transaction: Transaction,
): Promise<{ cancelled: AffectedAppointment[]; kept: AffectedAppointment[]; views: AppointmentView[] }> {
  if (affected.length === 0) return { cancelled: [], kept: [], views: [] };
  if (resolution.conflicts === 'refuse') {
    throw new AppFailure('CONFLICT', `${affected.length} booked appointment${affected.length === 1 ? '' : 's'} would fall outside the doctor's hours.`, { appointments: affected });
  }
  if (resolution.conflicts === 'keep') return { cancelled: [], kept: affected, views: [] };
  const expected = [...resolution.appointmentIds].sort((a, b) => a - b).join(',');
  const actual = affected.map((a) => a.appointmentId).sort((a, b) => a - b).join(',');
  if (expected !== actual) {
    throw new AppFailure('CONFLICT', 'The booked appointments changed since you looked: check the list again.', { appointments: affected });
  }
  const settings = await loadClinicSettings(sql.models);
  const terms = { now: clock(), timezone: settings.timezone, lateCancellationHours: settings.lateCancellationHours };
  const views: AppointmentView[] = [];
  for (const appointment of affected) {
    // One at a time with the engine's rules: its lifecycle and late-cancellation policy apply to each.
    views.push(await cancelInTransaction(sql, { appointmentId: appointment.appointmentId, reason: resolution.reason }, user, terms, transaction));
  }
  return { cancelled: affected, kept: [], views };
}

/**
 * One change of a doctor's hours or days off as one write transaction: the doctor's row is locked
 * first (the order every booking uses), the appointments it strands are found with that lock held,
 * the admin's choice is applied, then the change is written. A booking that raced the change
 * either committed before it (and is in the list the admin's choice is checked against) or waits
 * and is then checked against the new hours. The cancellations are audited once committed.
 */
async function changeSchedule(
  sql: SqlStore,
  doctorId: number,
  change: {
    affected: (transaction: Transaction) => Promise<AffectedAppointment[]>;
    write: (transaction: Transaction) => Promise<void>;
  },
  resolution: ConflictResolution,
  user: SessionUser,
  clock: EpochMinuteClock,
  onCancelled: OnCancelled,
): Promise<ScheduleChangeResult> {
  const outcome = await inWriteTransaction(sql.sequelize, async (transaction) => {
    const affected = await change.affected(transaction);
    const resolved = await resolveInTransaction(sql, affected, resolution, user, clock, transaction);
    await change.write(transaction);
    return resolved;
  });
  for (const view of outcome.views) await onCancelled(view);
  const schedule = await loadDoctorSchedule(sql, doctorId, clock);
  return {
    schedule,
    cancelled: outcome.cancelled,
    kept: outcome.kept,
    notify: outcome.cancelled.map((a) => ({ ...a.patient, appointmentId: a.appointmentId, date: a.date, time: a.time })),
  };
}

/** Replaces the doctor's weekly hours (all ranges at once, as the editor shows them). */
export async function saveWeeklyAvailability(
  sql: SqlStore,
  doctorId: number,
  weekly: readonly WeeklyRange[],
  resolution: ConflictResolution,
  user: SessionUser,
  clock: EpochMinuteClock,
  onCancelled: OnCancelled,
): Promise<ScheduleChangeResult> {
  return changeSchedule(
    sql,
    doctorId,
    {
      affected: (transaction) => previewWeeklyChange(sql, doctorId, weekly, clock, transaction),
      write: async (transaction) => {
        await sql.models.DoctorAvailability.destroy({ where: { doctorId }, transaction });
        if (weekly.length > 0) {
          await sql.models.DoctorAvailability.bulkCreate(
            weekly.map((r) => ({ doctorId, dayOfWeek: r.dayOfWeek, startTime: r.startTime, endTime: r.endTime, isAvailable: r.isAvailable })),
            { transaction },
          );
        }
      },
    },
    resolution,
    user,
    clock,
    onCancelled,
  );
}

/** Adds a day off or part of a day; past dates are refused. */
export async function addUnavailableBlock(
  sql: SqlStore,
  doctorId: number,
  block: UnavailableBlockInput,
  resolution: ConflictResolution,
  user: SessionUser,
  clock: EpochMinuteClock,
  onCancelled: OnCancelled,
): Promise<ScheduleChangeResult> {
  const rules = schedulingRules(await loadClinicSettings(sql.models));
  if (block.date < todayOf(rules, clock)) throw new AppFailure('VALIDATION', 'That date is in the past.', { field: 'block.date', fields: [{ field: 'block.date', message: 'That date is in the past.' }] });
  return changeSchedule(
    sql,
    doctorId,
    {
      affected: (transaction) => previewBlock(sql, doctorId, block, clock, transaction),
      write: async (transaction) => {
        await sql.models.DoctorUnavailableDate.create({ doctorId, unavailableDate: block.date, startTime: block.startTime, endTime: block.endTime, reason: block.reason }, { transaction });
      },
    },
    resolution,
    user,
    clock,
    onCancelled,
  );
}

export async function removeUnavailableBlock(sql: SqlStore, doctorId: number, blockId: number, clock: EpochMinuteClock): Promise<DoctorScheduleView> {
  const removed = await sql.models.DoctorUnavailableDate.destroy({ where: { id: blockId, doctorId } });
  if (removed === 0) throw new AppFailure('NOT_FOUND', 'That day off does not exist (any more).');
  return loadDoctorSchedule(sql, doctorId, clock);
}
