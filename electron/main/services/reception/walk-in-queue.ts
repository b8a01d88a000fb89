import { QueryTypes, type Transaction } from 'sequelize';
import { instantToWall, parseTime, wallToInstantLenient } from '../../../../shared/domain/scheduling';
import {
  estimateWalkInWaits,
  runningDelays,
  type CandidateSlot,
  type TodayAppointment,
} from '../../../../shared/domain/reception/running-delay';
import { AppFailure } from '../../../../shared/ipc/result';
import type {
  QueueStatus,
  WalkInBooking,
  WalkInEntryView,
  WalkInQueue,
  WalkInQueueRow,
} from '../../../../shared/ipc/reception/types';
import type { AppointmentType, SlotView } from '../../../../shared/ipc/scheduling-types';
import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import type { Clock } from '../scheduling/booking';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';
import { findSoonestSlots } from '../scheduling/soonest';
import { toSlotView } from '../scheduling/slot-view';
import { epochMsOf, isoOf, utcText } from './sql-time';
import { bookQueuedEntry } from './queued-booking';

interface EntryRow {
  id: number;
  patient_id: number;
  p_first: string;
  p_last: string;
  doctor_id: number | null;
  d_first: string | null;
  d_last: string | null;
  specialization: string | null;
  duration_minutes: number;
  appointment_type: AppointmentType;
  notes: string | null;
  arrived_at: unknown;
  status: QueueStatus;
  appointment_id: number | null;
}

const SELECT_ENTRIES = `SELECT q.id, q.patient_id, p.first_name AS p_first, p.last_name AS p_last, q.doctor_id, d.first_name AS d_first, d.last_name AS d_last,
       q.specialization, q.duration_minutes, q.appointment_type, q.notes, q.arrived_at, q.status, q.appointment_id
  FROM walk_in_queue q JOIN patients p ON p.id = q.patient_id LEFT JOIN doctors d ON d.id = q.doctor_id`;

function toEntryView(row: EntryRow): WalkInEntryView {
  return {
    id: Number(row.id),
    patientId: Number(row.patient_id),
    patientName: `${row.p_first} ${row.p_last}`,
    doctorId: row.doctor_id === null ? null : Number(row.doctor_id),
    doctorName: row.d_first === null ? null : `Dr. ${row.d_first} ${row.d_last}`,
    specialization: row.specialization,
    durationMinutes: Number(row.duration_minutes),
    appointmentType: row.appointment_type,
    notes: row.notes,
    arrivedAt: isoOf(row.arrived_at),
    status: row.status,
    appointmentId: row.appointment_id === null ? null : Number(row.appointment_id),
  };
}

async function loadEntry(sql: SqlStore, entryId: number, transaction?: Transaction): Promise<WalkInEntryView> {
  const [rows] = await sql.sequelize.query(`${SELECT_ENTRIES} WHERE q.id = :entryId`, {
    replacements: { entryId },
    type: QueryTypes.RAW,
    transaction,
  });
  const row = (rows as EntryRow[])[0];
  if (!row) throw new AppFailure('NOT_FOUND', 'That walk-in is not in the queue.');
  return toEntryView(row);
}

export interface JoinWalkInInput {
  patientId: number;
  doctorId?: number;
  specialization?: string;
  durationMinutes?: number;
  appointmentType?: AppointmentType;
  notes?: string;
}

/** Puts a walk-in in the queue, arrived now. A patient already waiting is refused (CONFLICT). */
export async function joinWalkInQueue(sql: SqlStore, input: JoinWalkInInput, clock: Clock): Promise<WalkInEntryView> {
  const settings = await loadClinicSettings(sql.models);
  const id = await inWriteTransaction(sql.sequelize, async (transaction) => {
    const [patients] = await sql.sequelize.query('SELECT id, is_active FROM patients WHERE id = :id', {
      replacements: { id: input.patientId },
      type: QueryTypes.RAW,
      transaction,
    });
    const patient = (patients as { is_active: unknown }[])[0];
    if (!patient || (patient.is_active !== null && !Number(patient.is_active)))
      throw new AppFailure('NOT_FOUND', 'That patient does not exist or is deactivated.');
    if (input.doctorId !== undefined) {
      const [doctors] = await sql.sequelize.query('SELECT id FROM doctors WHERE id = :id AND is_active = :yes', {
        replacements: { id: input.doctorId, yes: true },
        type: QueryTypes.RAW,
        transaction,
      });
      if ((doctors as unknown[]).length === 0)
        throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
    }
    const [waiting] = await sql.sequelize.query(
      "SELECT id FROM walk_in_queue WHERE patient_id = :id AND status = 'Waiting'",
      { replacements: { id: input.patientId }, type: QueryTypes.RAW, transaction },
    );
    if ((waiting as unknown[]).length > 0)
      throw new AppFailure('CONFLICT', 'This patient is already in the walk-in queue.');
    await sql.sequelize.query(
      `INSERT INTO walk_in_queue (patient_id, doctor_id, specialization, duration_minutes, appointment_type, notes, arrived_at, status)
       VALUES (:patientId, :doctorId, :specialization, :duration, :type, :notes, :arrivedAt, 'Waiting')`,
      {
        replacements: {
          patientId: input.patientId,
          doctorId: input.doctorId ?? null,
          specialization: input.doctorId === undefined ? (input.specialization ?? null) : null,
          duration: input.durationMinutes ?? settings.defaultDurationMinutes,
          type: input.appointmentType ?? 'Consultation',
          notes: input.notes || null,
          arrivedAt: utcText(clock()),
        },
        type: QueryTypes.INSERT,
        transaction,
      },
    );
    const [last] = await sql.sequelize.query(
      "SELECT MAX(id) AS id FROM walk_in_queue WHERE patient_id = :id AND status = 'Waiting'",
      { replacements: { id: input.patientId }, type: QueryTypes.RAW, transaction },
    );
    return Number((last as { id: number }[])[0]!.id);
  });
  return loadEntry(sql, id);
}

/** Takes a walk-in off the queue without booking (they left, or were seen otherwise). */
export async function removeFromWalkInQueue(sql: SqlStore, entryId: number, clock: Clock): Promise<WalkInEntryView> {
  const entry = await loadEntry(sql, entryId);
  if (entry.status !== 'Waiting') throw new AppFailure('CONFLICT', 'This walk-in is no longer waiting.');
  await sql.sequelize.query(
    "UPDATE walk_in_queue SET status = 'Removed', resolved_at = :now WHERE id = :entryId AND status = 'Waiting'",
    {
      replacements: { entryId, now: utcText(clock()) },
    },
  );
  return loadEntry(sql, entryId);
}

/**
 * Books a waiting walk-in into a slot through bookAppointment (every scheduling rule, the locks,
 * the idempotency key), then marks the entry Booked. A retry with the same key finds the same
 * appointment and completes the marking.
 */
export async function bookWalkIn(
  sql: SqlStore,
  input: { entryId: number; doctorId: number; date: string; time: string; idempotencyKey: string },
  clock: Clock,
): Promise<WalkInBooking> {
  const entry = await loadEntry(sql, input.entryId);
  const appointment = await bookQueuedEntry(sql, { table: 'walk_in_queue', what: 'walk-in' }, input.entryId, entry, input, clock);
  return { entry: await loadEntry(sql, input.entryId), appointment };
}

interface TodayRow {
  doctor_id: number;
  first_name: string;
  last_name: string;
  appointment_time: string;
  status: AppointmentStatus;
  checked_in_at: string | Date | null;
  with_doctor_at: string | Date | null;
}

/**
 * The queue as the flow board shows it: waiting walk-ins in arrival order, each with the slot
 * they would probably get today (the soonest ones, handed out in arrival order) and the wait,
 * the doctors' running delay included (shared/domain/reception/running-delay.ts).
 */
export async function listWalkInQueue(sql: SqlStore, clock: Clock): Promise<WalkInQueue> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const [entryRows] = await sql.sequelize.query(
    `${SELECT_ENTRIES} WHERE q.status = 'Waiting' ORDER BY q.arrived_at, q.id`,
    { type: QueryTypes.RAW },
  );
  const entries = (entryRows as EntryRow[]).map(toEntryView);
  const [todayRows] = await sql.sequelize.query(
    `SELECT a.doctor_id, d.first_name, d.last_name, a.appointment_time, a.status, a.checked_in_at, a.with_doctor_at FROM appointments a JOIN doctors d ON d.id = a.doctor_id
      WHERE a.appointment_date = :today AND a.status IN ('Scheduled', 'Confirmed')`,
    { replacements: { today }, type: QueryTypes.RAW },
  );
  const todays: TodayAppointment[] = (todayRows as TodayRow[]).map((r) => ({
    doctorId: Number(r.doctor_id),
    startsAt: wallToInstantLenient(today, parseTime(String(r.appointment_time).slice(0, 5)), settings.timezone),
    status: r.status,
    arrivedAt: epochMinutes(r.checked_in_at),
    withDoctorAt: epochMinutes(r.with_doctor_at),
  }));
  const delays = runningDelays(todays, now);
  const doctorNames = new Map(
    (todayRows as TodayRow[]).map((r) => [Number(r.doctor_id), `Dr. ${r.first_name} ${r.last_name}`]),
  );

  // one soonest search per distinct wish (any doctor / a specialization / a doctor), today only
  const slots: CandidateSlot[] = [];
  const views = new Map<string, SlotView>();
  const wishes = new Map<
    string,
    { doctorIds?: number[]; specialization?: string; durationMinutes: number; count: number }
  >();
  for (const e of entries) {
    const key = `${e.doctorId ?? ''}|${e.doctorId === null ? (e.specialization ?? '') : ''}|${e.durationMinutes}`;
    const wish = wishes.get(key) ?? {
      ...(e.doctorId !== null
        ? { doctorIds: [e.doctorId] }
        : e.specialization
          ? { specialization: e.specialization }
          : {}),
      durationMinutes: e.durationMinutes,
      count: 0,
    };
    wish.count += 4;
    wishes.set(key, wish);
  }
  for (const wish of wishes.values()) {
    const { candidates } = await findSoonestSlots(
      sql.sequelize,
      rules,
      { ...wish, count: Math.min(wish.count, 50), fromDate: today, days: 1 },
      now,
    );
    for (const c of candidates) {
      const key = `${c.doctor.id}|${c.startsAt}|${c.durationMinutes}`;
      if (views.has(key)) continue;
      views.set(key, toSlotView(c.doctor, c));
      slots.push({
        doctorId: c.doctor.id,
        specialization: c.doctor.specialization,
        startsAt: c.startsAt,
        durationMinutes: c.durationMinutes,
      });
      if (!doctorNames.has(c.doctor.id)) doctorNames.set(c.doctor.id, `Dr. ${c.doctor.firstName} ${c.doctor.lastName}`);
    }
  }
  const estimates = estimateWalkInWaits(
    entries.map((e) => ({
      id: e.id,
      arrivedAt: Math.floor(epochMsOf(e.arrivedAt) / 60_000),
      doctorId: e.doctorId,
      specialization: e.specialization,
    })),
    slots,
    delays,
    now,
  );
  const byId = new Map(estimates.map((e) => [e.id, e]));
  const rows: WalkInQueueRow[] = entries.map((e) => {
    const estimate = byId.get(e.id);
    const slot = estimate?.slot
      ? (views.get(`${estimate.slot.doctorId}|${estimate.slot.startsAt}|${estimate.slot.durationMinutes}`) ?? null)
      : null;
    return {
      ...e,
      waitedMinutes: Math.max(0, now - Math.floor(epochMsOf(e.arrivedAt) / 60_000)),
      estimatedWaitMinutes: estimate?.waitMinutes ?? null,
      expectedSlot: slot,
      runningDelayMinutes: estimate?.delayMinutes ?? 0,
    };
  });
  return {
    now: new Date(now * 60_000).toISOString(),
    rows,
    delays: [...delays.entries()]
      .filter(([, minutes]) => minutes > 0)
      .map(([doctorId, minutes]) => ({
        doctorId,
        doctorName: doctorNames.get(doctorId) ?? `Doctor ${doctorId}`,
        minutes,
      })),
  };
}

/** A stored instant as epoch minutes, or null. */
function epochMinutes(value: string | Date | null): number | null {
  return value === null || value === undefined ? null : Math.floor(epochMsOf(value) / 60_000);
}
