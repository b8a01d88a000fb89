import { Op, type Transaction } from 'sequelize';
import {
  addDays,
  checkBooking,
  checkTransition,
  instantToWall,
  LIVE_STATUSES,
  parseTime,
  wallToInstant,
  type AppointmentStatus,
  type BusyAppointment,
  type SchedulingRules,
} from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentType, AppointmentView, SlotView } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { cancelledByFor } from './actor';
import { cancellationTerms } from './cancellation-policy';
import { toAppointmentView } from './appointment-view';
import { loadClinicSettings, schedulingRules } from './rules';
import { loadSchedules } from './schedule-query';
import { findSoonestSlots } from './soonest';

export interface BookInput {
  patientId: number;
  doctorId: number;
  date: string;
  time: string;
  durationMinutes?: number;
  appointmentType?: AppointmentType;
  patientNotes?: string | null;
  idempotencyKey: string;
}

export interface MoveInput {
  appointmentId: number;
  doctorId?: number;
  date: string;
  time: string;
  durationMinutes?: number;
}

/** "Now" in epoch minutes; injected so tests and replays control the clock. */
export type Clock = () => number;
export const systemClock: Clock = () => Math.floor(Date.now() / 60000);

/** Locks a doctor or patient row for the transaction; NOT_FOUND when missing or inactive. */
export async function lockRow(sql: SqlStore, table: 'Doctor' | 'Patient', id: number, transaction: Transaction): Promise<void> {
  // SELECT … FOR UPDATE on MySQL; SQLite's IMMEDIATE transaction already holds the write lock.
  const options = { transaction, lock: transaction.LOCK.UPDATE, attributes: ['id', 'isActive'] as ('id' | 'isActive')[] };
  const row = table === 'Doctor' ? await sql.models.Doctor.findByPk(id, options) : await sql.models.Patient.findByPk(id, options);
  if (!row || row.isActive === false) {
    throw new AppFailure('NOT_FOUND', table === 'Doctor' ? 'That doctor does not exist or is no longer active.' : 'That patient does not exist or is deactivated.');
  }
}

async function patientLiveAppointments(sql: SqlStore, patientId: number, date: string, exceptId: number | null, transaction: Transaction): Promise<BusyAppointment[]> {
  const rows = await sql.models.Appointment.findAll({
    attributes: ['id', 'appointmentDate', 'appointmentTime', 'durationMinutes'],
    where: {
      patientId,
      appointmentDate: { [Op.between]: [addDays(date, -1), addDays(date, 1)] },
      status: { [Op.in]: LIVE_STATUSES as AppointmentStatus[] },
      ...(exceptId === null ? {} : { id: { [Op.ne]: exceptId } }),
    },
    transaction,
  });
  return rows.map((r) => ({ id: r.id, date: r.appointmentDate, time: r.appointmentTime, durationMinutes: r.durationMinutes }));
}

/** Loads the doctor's day (and the days either side), then runs every booking rule. */
async function assertBookable(
  sql: SqlStore,
  rules: SchedulingRules,
  request: { doctorId: number; patientId: number; date: string; time: string; durationMinutes: number },
  exceptAppointmentId: number | null,
  now: number,
  transaction: Transaction,
): Promise<void> {
  const { schedules } = await loadSchedules(sql.sequelize, { doctorIds: [request.doctorId] }, addDays(request.date, -1), addDays(request.date, 1), transaction);
  const schedule = schedules.get(request.doctorId) ?? { weekly: [], blocks: [], appointments: [] };
  const doctorSchedule = exceptAppointmentId === null ? schedule : { ...schedule, appointments: schedule.appointments.filter((a) => a.id !== exceptAppointmentId) };
  const patient = await patientLiveAppointments(sql, request.patientId, request.date, exceptAppointmentId, transaction);
  const check = checkBooking(request, doctorSchedule, patient, rules, now);
  if (!check.ok) throw new AppFailure(check.code, check.message);
}

/** After a refusal: the doctor's next free slots of the same length, for the receptionist to pick. */
async function alternatives(sql: SqlStore, rules: SchedulingRules, doctorId: number, date: string, durationMinutes: number, now: number): Promise<SlotView[]> {
  const today = instantToWall(now, rules.timezone).date;
  const { candidates } = await findSoonestSlots(sql.sequelize, rules, { doctorIds: [doctorId], durationMinutes, count: 3, fromDate: date > today ? date : today, days: 14 }, now);
  return candidates.map((c) => ({
    doctorId: c.doctor.id,
    doctorName: `Dr. ${c.doctor.firstName} ${c.doctor.lastName}`,
    specialization: c.doctor.specialization,
    date: c.date,
    time: c.time,
    durationMinutes: c.durationMinutes,
  }));
}

async function withAlternatives<T>(sql: SqlStore, rules: SchedulingRules, target: { doctorId: number; date: string; durationMinutes: number }, now: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppFailure && ['SLOT_TAKEN', 'PATIENT_BUSY', 'OUTSIDE_AVAILABILITY', 'DOCTOR_UNAVAILABLE'].includes(error.code)) {
      const next = await alternatives(sql, rules, target.doctorId, target.date, target.durationMinutes, now);
      throw new AppFailure(error.code, error.message, { alternatives: next });
    }
    throw error;
  }
}

/**
 * Books one appointment atomically: lock the doctor row, then the patient row (always in that
 * order, so two bookings cannot deadlock each other), re-check every rule against committed
 * data, insert. A retried request with the same idempotency key returns the first booking.
 */
export async function bookAppointment(sql: SqlStore, input: BookInput, clock: Clock = systemClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const durationMinutes = input.durationMinutes ?? settings.defaultDurationMinutes;
  const now = clock();
  return withAlternatives(sql, rules, { doctorId: input.doctorId, date: input.date, durationMinutes }, now, () =>
    inWriteTransaction(sql.sequelize, async (transaction) => {
      await lockRow(sql, 'Doctor', input.doctorId, transaction);
      await lockRow(sql, 'Patient', input.patientId, transaction);
      const earlier = await sql.models.BookingRequest.findByPk(input.idempotencyKey, { transaction });
      if (earlier) {
        const appointment = await sql.models.Appointment.findByPk(earlier.appointmentId, { transaction });
        if (appointment) return toAppointmentView(appointment);
      }
      await assertBookable(sql, rules, { ...input, durationMinutes }, null, now, transaction);
      const created = await sql.models.Appointment.create(
        {
          patientId: input.patientId,
          doctorId: input.doctorId,
          appointmentDate: input.date,
          appointmentTime: input.time,
          durationMinutes,
          appointmentType: input.appointmentType ?? 'Consultation',
          patientNotes: input.patientNotes ?? null,
        },
        { transaction },
      );
      await sql.models.BookingRequest.create({ idempotencyKey: input.idempotencyKey, appointmentId: created.id }, { transaction });
      return toAppointmentView(created);
    }),
  );
}

async function loadForUpdate(sql: SqlStore, appointmentId: number, transaction: Transaction) {
  const row = await sql.models.Appointment.findByPk(appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!row) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
  return row;
}

/** Moves an appointment (time, length or doctor) under the same rules, as one atomic step. */
export async function rescheduleAppointment(sql: SqlStore, input: MoveInput, clock: Clock = systemClock): Promise<AppointmentView> {
  const rules = schedulingRules(await loadClinicSettings(sql.models));
  const now = clock();
  const current = await sql.models.Appointment.findByPk(input.appointmentId);
  if (!current) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
  const doctorId = input.doctorId ?? current.doctorId;
  const durationMinutes = input.durationMinutes ?? current.durationMinutes;
  return withAlternatives(sql, rules, { doctorId, date: input.date, durationMinutes }, now, () =>
    inWriteTransaction(sql.sequelize, async (transaction) => {
      // both doctors in id order, then the patient: the same global order as booking
      for (const id of [...new Set([current.doctorId, doctorId])].sort((a, b) => a - b)) await lockRow(sql, 'Doctor', id, transaction);
      await lockRow(sql, 'Patient', current.patientId, transaction);
      const row = await loadForUpdate(sql, input.appointmentId, transaction);
      if (!['Scheduled', 'Confirmed'].includes(row.status)) {
        throw new AppFailure('INVALID_TRANSITION', `A ${row.status.toLowerCase()} appointment cannot be moved.`);
      }
      await assertBookable(sql, rules, { doctorId, patientId: row.patientId, date: input.date, time: input.time, durationMinutes }, row.id, now, transaction);
      await row.update({ doctorId, appointmentDate: input.date, appointmentTime: input.time, durationMinutes }, { transaction });
      return toAppointmentView(row);
    }),
  );
}

/** The real start of a stored appointment; -Infinity when its wall time does not exist (never bookable). */
export function startInstant(row: { appointmentDate: string; appointmentTime: string }, zone: string): number {
  return wallToInstant(row.appointmentDate, parseTime(row.appointmentTime), zone) ?? Number.NEGATIVE_INFINITY;
}

/**
 * Cancels with the policy: within the late-cancellation window a reason is required and the
 * cancellation is marked late. cancelled_by comes from the signed-in user, never the request.
 */
export async function cancelAppointment(sql: SqlStore, input: { appointmentId: number; reason?: string | null }, user: SessionUser, clock: Clock = systemClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await loadForUpdate(sql, input.appointmentId, transaction);
    const startsAt = startInstant(row, settings.timezone);
    const transition = checkTransition(row.status, 'Cancelled', startsAt, now);
    if (!transition.ok) throw new AppFailure(transition.code, transition.message);
    const { late, reason } = cancellationTerms(startsAt, now, settings.lateCancellationHours, input.reason);
    await row.update(
      { status: 'Cancelled', cancelledAt: new Date(now * 60000), cancelledBy: cancelledByFor(user), cancellationReason: reason, lateCancellation: late },
      { transaction },
    );
    return toAppointmentView(row);
  });
}

/** Confirm, complete or mark a no-show: only the lifecycle's transitions, at the right time. */
export async function setAppointmentStatus(sql: SqlStore, input: { appointmentId: number; status: 'Confirmed' | 'Completed' | 'No-Show' }, clock: Clock = systemClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await loadForUpdate(sql, input.appointmentId, transaction);
    const transition = checkTransition(row.status, input.status, startInstant(row, settings.timezone), now);
    if (!transition.ok) throw new AppFailure(transition.code, transition.message);
    await row.update({ status: input.status }, { transaction });
    return toAppointmentView(row);
  });
}
