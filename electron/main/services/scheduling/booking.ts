import type { Transaction } from 'sequelize';
import {
  addDays,
  checkBooking,
  checkTransition,
  instantToWall,
  parseTime,
  wallToInstant,
  type BusyAppointment,
  type SchedulingRules,
} from '../../../../shared/domain/scheduling';
import { systemMinuteClock, type EpochMinuteClock } from '../../../../shared/domain/clock';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentType, AppointmentView, SlotView } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { bookingRepository, type LockedRow, type NewAppointment } from '../../data/sql/repositories/booking-repository';
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
  /** Someone who came in without an appointment: marked walk-in, and arrived when booked for today. */
  walkIn?: boolean;
  idempotencyKey: string;
}

export interface MoveInput {
  appointmentId: number;
  doctorId?: number;
  date: string;
  time: string;
  durationMinutes?: number;
}


function assertActive(row: LockedRow | undefined, table: 'Doctor' | 'Patient'): asserts row is LockedRow {
  if (!row || (row.is_active !== null && !Number(row.is_active))) {
    throw new AppFailure('NOT_FOUND', table === 'Doctor' ? 'That doctor does not exist or is no longer active.' : 'That patient does not exist or is deactivated.');
  }
}

/**
 * Locks a doctor or patient row for the transaction (SELECT … FOR UPDATE on MySQL); NOT_FOUND
 * when missing or inactive. Plain SQL rather than findByPk: this runs in every booking, and the
 * model layer doubled its cost (see docs/architecture.md, "Round trips on the booking path").
 */
export async function lockRow(sql: SqlStore, table: 'Doctor' | 'Patient', id: number, transaction: Transaction): Promise<void> {
  assertActive(await bookingRepository(sql).lock(table === 'Doctor' ? 'doctors' : 'patients', id, transaction), table);
}

/**
 * Loads the doctor's day (and the days either side) with the patient's live appointments in one
 * query, then runs every booking rule.
 */
async function assertBookable(
  sql: SqlStore,
  rules: SchedulingRules,
  request: { doctorId: number; patientId: number; date: string; time: string; durationMinutes: number },
  exceptAppointmentId: number | null,
  now: number,
  transaction: Transaction,
): Promise<void> {
  const { schedules, patientAppointments } = await loadSchedules(
    sql.sequelize,
    { doctorIds: [request.doctorId] },
    addDays(request.date, -1),
    addDays(request.date, 1),
    transaction,
    { patientId: request.patientId },
  );
  const other = (a: BusyAppointment) => a.id !== exceptAppointmentId;
  const schedule = schedules.get(request.doctorId);
  if (!schedule) throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  const check = checkBooking(request, { ...schedule, appointments: schedule.appointments.filter(other) }, patientAppointments.filter(other), rules, now);
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
export async function bookAppointment(sql: SqlStore, input: BookInput, clock: EpochMinuteClock = systemMinuteClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const durationMinutes = input.durationMinutes ?? settings.defaultDurationMinutes;
  const now = clock();
  const bookings = bookingRepository(sql);
  return withAlternatives(sql, rules, { doctorId: input.doctorId, date: input.date, durationMinutes }, now, () =>
    inWriteTransaction(sql.sequelize, async (transaction) => {
      // MySQL: the doctor's row first, then the patient's: one global order, so two bookings
      // cannot deadlock. SQLite: the IMMEDIATE transaction already excludes every other writer,
      // and the schedule query below finds a missing or inactive doctor.
      if (bookings.locksDoctor) assertActive(await bookings.lock('doctors', input.doctorId, transaction), 'Doctor');
      const patient = await bookings.lockPatientAndFindRequest(input.patientId, input.idempotencyKey, transaction);
      assertActive(patient, 'Patient');
      const earlierId = patient?.earlier_appointment_id == null ? null : Number(patient.earlier_appointment_id);
      if (earlierId !== null) {
        const appointment = await sql.models.Appointment.findByPk(earlierId, { transaction });
        if (appointment) return toAppointmentView(appointment);
      }
      await assertBookable(sql, rules, { ...input, durationMinutes }, null, now, transaction);
      // A walk-in booked for today is standing at the desk: arrived, so the board shows them waiting.
      const arrivedNow = input.walkIn === true && input.date === instantToWall(now, rules.timezone).date;
      // Not the model's create: the input passed the channel's schema and every booking rule just
      // above, and the model layer cost more than the INSERT itself on this, the hottest write.
      const appointment: NewAppointment = {
        patientId: input.patientId,
        doctorId: input.doctorId,
        date: input.date,
        time: input.time,
        durationMinutes,
        appointmentType: input.appointmentType ?? 'Consultation',
        patientNotes: input.patientNotes ?? null,
        walkIn: input.walkIn === true,
        status: arrivedNow ? 'Confirmed' : 'Scheduled',
        checkedInAt: arrivedNow ? new Date(now * 60_000) : null,
        // The server's clock, not this workstation's: other machines read the stamps (mirror pulls, the notice scan).
        stamp: new Date(Number(patient.server_now_ms)),
      };
      const id = await bookings.insertAppointment(appointment, transaction);
      await bookings.rememberRequest(input.idempotencyKey, id, appointment.stamp, transaction);
      return bookedView(id, appointment);
    }),
  );
}

async function loadForUpdate(sql: SqlStore, appointmentId: number, transaction: Transaction) {
  const row = await sql.models.Appointment.findByPk(appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!row) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
  return row;
}

/** The view of a row just inserted: what the model's create returned, without reading it back. */
function bookedView(id: number, row: NewAppointment): AppointmentView {
  return {
    id,
    patientId: row.patientId,
    doctorId: row.doctorId,
    date: row.date,
    time: row.time.slice(0, 5),
    durationMinutes: row.durationMinutes,
    status: row.status,
    appointmentType: row.appointmentType,
    patientNotes: row.patientNotes,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
    lateCancellation: false,
    checkedInAt: row.checkedInAt ? row.checkedInAt.toISOString() : null,
    inRoomAt: null,
    withDoctorAt: null,
    checkedOutAt: null,
    walkIn: row.walkIn,
    updatedAt: row.stamp.toISOString(),
  };
}

/** Moves an appointment (time, length or doctor) under the same rules, as one atomic step. */
export async function rescheduleAppointment(sql: SqlStore, input: MoveInput, clock: EpochMinuteClock = systemMinuteClock): Promise<AppointmentView> {
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
export async function cancelAppointment(sql: SqlStore, input: { appointmentId: number; reason?: string | null }, user: SessionUser, clock: EpochMinuteClock = systemMinuteClock): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  return inWriteTransaction(sql.sequelize, (transaction) => cancelInTransaction(sql, input, user, { now, ...settings }, transaction));
}

/**
 * The cancellation itself, inside the caller's write transaction: for a change that cancels
 * appointments as part of a larger atomic step (a doctor's hours replaced).
 */
export async function cancelInTransaction(
  sql: SqlStore,
  input: { appointmentId: number; reason?: string | null },
  user: SessionUser,
  terms: { now: number; timezone: string; lateCancellationHours: number },
  transaction: Transaction,
): Promise<AppointmentView> {
  const { now } = terms;
  const row = await loadForUpdate(sql, input.appointmentId, transaction);
  const startsAt = startInstant(row, terms.timezone);
  const transition = checkTransition(row.status, 'Cancelled', startsAt, now);
  if (!transition.ok) throw new AppFailure(transition.code, transition.message);
  const { late, reason } = cancellationTerms(startsAt, now, terms.lateCancellationHours, input.reason);
  await row.update(
    { status: 'Cancelled', cancelledAt: new Date(now * 60000), cancelledBy: cancelledByFor(user), cancellationReason: reason, lateCancellation: late },
    { transaction },
  );
  return toAppointmentView(row);
}

/** Confirm, complete or mark a no-show: only the lifecycle's transitions, at the right time. */
export async function setAppointmentStatus(sql: SqlStore, input: { appointmentId: number; status: 'Confirmed' | 'Completed' | 'No-Show' }, clock: EpochMinuteClock = systemMinuteClock): Promise<AppointmentView> {
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
