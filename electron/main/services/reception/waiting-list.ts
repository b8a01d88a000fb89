import { QueryTypes } from 'sequelize';
import { instantToWall, parseTime, overlaps } from '../../../../shared/domain/scheduling';
import { rankWaitingListMatches, type WaitingListEntry } from '../../../../shared/domain/reception/waiting-list-match';
import { AppFailure } from '../../../../shared/ipc/result';
import type {
  QueueStatus,
  WaitingEntryView,
  WaitingEntryWithSlots,
  WaitingListBooking,
  WaitingListOffer,
} from '../../../../shared/ipc/reception/types';
import type { AppointmentType } from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { Clock } from '../scheduling/booking';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';
import { findSoonestSlots } from '../scheduling/soonest';
import { toSlotView } from '../scheduling/slot-view';
import { fieldFailure } from './field-failure';
import { epochMsOf, isoOf, utcText } from './sql-time';
import { bookQueuedEntry } from './queued-booking';

interface EntryRow {
  id: number;
  patient_id: number;
  p_first: string;
  p_last: string;
  p_phone: string;
  doctor_id: number | null;
  d_first: string | null;
  d_last: string | null;
  specialization: string | null;
  from_date: string;
  to_date: string;
  earliest_time: string;
  latest_time: string;
  duration_minutes: number;
  appointment_type: AppointmentType;
  priority: number;
  notes: string | null;
  status: QueueStatus;
  appointment_id: number | null;
  created_at: unknown;
}

const SELECT_ENTRIES = `SELECT w.id, w.patient_id, p.first_name AS p_first, p.last_name AS p_last, p.phone AS p_phone, w.doctor_id, d.first_name AS d_first, d.last_name AS d_last,
       w.specialization, w.from_date, w.to_date, w.earliest_time, w.latest_time, w.duration_minutes, w.appointment_type, w.priority, w.notes, w.status, w.appointment_id, w.created_at
  FROM waiting_list w JOIN patients p ON p.id = w.patient_id LEFT JOIN doctors d ON d.id = w.doctor_id`;

function toEntryView(row: EntryRow): WaitingEntryView {
  return {
    id: Number(row.id),
    patientId: Number(row.patient_id),
    patientName: `${row.p_first} ${row.p_last}`,
    patientPhone: row.p_phone,
    doctorId: row.doctor_id === null ? null : Number(row.doctor_id),
    doctorName: row.d_first === null ? null : `Dr. ${row.d_first} ${row.d_last}`,
    specialization: row.specialization,
    fromDate: String(row.from_date).slice(0, 10),
    toDate: String(row.to_date).slice(0, 10),
    earliestTime: String(row.earliest_time).slice(0, 5),
    latestTime: String(row.latest_time).slice(0, 5),
    durationMinutes: Number(row.duration_minutes),
    appointmentType: row.appointment_type,
    priority: Number(row.priority),
    notes: row.notes,
    status: row.status,
    appointmentId: row.appointment_id === null ? null : Number(row.appointment_id),
    createdAt: isoOf(row.created_at),
  };
}

const toMatchable = (e: WaitingEntryView): WaitingListEntry => ({ ...e, createdAt: epochMsOf(e.createdAt) });

async function loadEntries(
  sql: SqlStore,
  where: string,
  replacements: Record<string, unknown>,
): Promise<WaitingEntryView[]> {
  const [rows] = await sql.sequelize.query(`${SELECT_ENTRIES} WHERE ${where} ORDER BY w.priority, w.created_at, w.id`, {
    replacements,
    type: QueryTypes.RAW,
  });
  return (rows as EntryRow[]).map(toEntryView);
}

async function loadEntry(sql: SqlStore, entryId: number): Promise<WaitingEntryView> {
  const [entry] = await loadEntries(sql, 'w.id = :entryId', { entryId });
  if (!entry) throw new AppFailure('NOT_FOUND', 'That waiting-list entry does not exist.');
  return entry;
}

export interface AddWaitingInput {
  patientId: number;
  doctorId?: number;
  specialization?: string;
  fromDate: string;
  toDate: string;
  earliestTime: string;
  latestTime: string;
  durationMinutes?: number;
  appointmentType?: AppointmentType;
  priority: number;
  notes?: string;
}

/** Puts a patient on the waiting list. The window must not lie wholly in the past. */
export async function addToWaitingList(sql: SqlStore, input: AddWaitingInput, clock: Clock): Promise<WaitingEntryView> {
  const settings = await loadClinicSettings(sql.models);
  const today = instantToWall(clock(), settings.timezone).date;
  if (input.toDate < today) throw fieldFailure('toDate', 'The window has already passed');
  const duration = input.durationMinutes ?? settings.defaultDurationMinutes;
  if (parseTime(input.latestTime) - parseTime(input.earliestTime) < duration)
    throw fieldFailure('latestTime', `The time window is shorter than the ${duration}-minute appointment`);
  const patient = await sql.models.Patient.findByPk(input.patientId, { attributes: ['id', 'isActive'] });
  if (!patient || patient.isActive === false)
    throw new AppFailure('NOT_FOUND', 'That patient does not exist or is deactivated.');
  if (input.doctorId !== undefined) {
    const doctor = await sql.models.Doctor.findByPk(input.doctorId, { attributes: ['id', 'isActive'] });
    if (!doctor || doctor.isActive === false)
      throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  }
  const createdAt = utcText(clock());
  await sql.sequelize.query(
    `INSERT INTO waiting_list (patient_id, doctor_id, specialization, from_date, to_date, earliest_time, latest_time, duration_minutes, appointment_type, priority, notes, status, created_at)
     VALUES ($patientId, $doctorId, $specialization, $fromDate, $toDate, $earliest, $latest, $duration, $type, $priority, $notes, 'Waiting', $createdAt)`,
    {
      // what was typed (notes, specialization) is bound as parameters, never spliced into the statement
      bind: {
        patientId: input.patientId,
        doctorId: input.doctorId ?? null,
        specialization: input.doctorId === undefined ? (input.specialization ?? null) : null,
        fromDate: input.fromDate < today ? today : input.fromDate,
        toDate: input.toDate,
        earliest: `${input.earliestTime}:00`,
        latest: `${input.latestTime}:00`,
        duration,
        type: input.appointmentType ?? 'Consultation',
        priority: input.priority,
        notes: input.notes || null,
        createdAt,
      },
      type: QueryTypes.INSERT,
    },
  );
  const [latest] = await loadEntries(sql, "w.patient_id = :patientId AND w.status = 'Waiting'", {
    patientId: input.patientId,
  }).then((list) => list.sort((a, b) => b.id - a.id));
  return latest!;
}

export async function removeFromWaitingList(sql: SqlStore, entryId: number, clock: Clock): Promise<WaitingEntryView> {
  const entry = await loadEntry(sql, entryId);
  if (entry.status !== 'Waiting') throw new AppFailure('CONFLICT', 'This entry is no longer waiting.');
  await sql.sequelize.query(
    "UPDATE waiting_list SET status = 'Removed', resolved_at = :now WHERE id = :entryId AND status = 'Waiting'",
    { replacements: { entryId, now: utcText(clock()) } },
  );
  return loadEntry(sql, entryId);
}

/**
 * The waiting entries (best placed first), those whose window has passed left out; with
 * `withSlots`, each with its three soonest free slots that fit it now (one search per entry).
 */
export async function listWaitingList(
  sql: SqlStore,
  input: { withSlots: boolean },
  clock: Clock,
): Promise<WaitingEntryWithSlots[]> {
  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const entries = await loadEntries(sql, "w.status = 'Waiting' AND w.to_date >= :today", { today });
  const result: WaitingEntryWithSlots[] = [];
  for (const entry of entries) {
    if (!input.withSlots) {
      result.push({ ...entry, slots: [] });
      continue;
    }
    const from = entry.fromDate > today ? entry.fromDate : today;
    const days = Math.min(90, Math.round((Date.parse(entry.toDate) - Date.parse(from)) / 86_400_000) + 1);
    const { candidates } = await findSoonestSlots(
      sql.sequelize,
      rules,
      {
        ...(entry.doctorId !== null ? { doctorIds: [entry.doctorId] } : { specialization: entry.specialization ?? '' }),
        durationMinutes: entry.durationMinutes,
        count: 50,
        fromDate: from,
        days,
      },
      now,
    );
    const fitting = candidates
      .filter(
        (c) => c.time >= entry.earliestTime && parseTime(c.time) + entry.durationMinutes <= parseTime(entry.latestTime),
      )
      .slice(0, 3);
    result.push({ ...entry, slots: fitting.map((c) => toSlotView(c.doctor, c)) });
  }
  return result;
}

/**
 * Who on the waiting list should be offered a slot that has just opened (a cancellation, new
 * hours): every waiting entry that fits it (shared/domain/reception/waiting-list-match.ts), less
 * the patients who already have an appointment overlapping it, in priority then waiting order.
 */
export async function offersForOpenedSlot(
  sql: SqlStore,
  slot: { doctorId: number; date: string; time: string; durationMinutes: number },
): Promise<WaitingListOffer[]> {
  const doctor = await sql.models.Doctor.findByPk(slot.doctorId, {
    attributes: ['id', 'firstName', 'lastName', 'specialization', 'isActive'],
  });
  if (!doctor || doctor.isActive === false)
    throw new AppFailure('NOT_FOUND', 'That doctor does not exist or is no longer active.');
  const entries = await loadEntries(
    sql,
    "w.status = 'Waiting' AND w.from_date <= :date AND w.to_date >= :date AND (w.doctor_id = :doctorId OR (w.doctor_id IS NULL AND w.specialization = :specialization))",
    { date: slot.date, doctorId: slot.doctorId, specialization: doctor.specialization },
  );
  if (entries.length === 0) return [];
  const [busyRows] = await sql.sequelize.query(
    `SELECT patient_id, appointment_time, duration_minutes FROM appointments
      WHERE patient_id IN (:patientIds) AND appointment_date = :date AND status IN ('Scheduled', 'Confirmed')`,
    {
      replacements: { patientIds: [...new Set(entries.map((e) => e.patientId))], date: slot.date },
      type: QueryTypes.RAW,
    },
  );
  const busy = busyRows as { patient_id: number; appointment_time: string; duration_minutes: number }[];
  const start = parseTime(slot.time);
  const opened = {
    doctorId: slot.doctorId,
    specialization: doctor.specialization,
    date: slot.date,
    time: slot.time,
    durationMinutes: slot.durationMinutes,
  };
  const ranked = rankWaitingListMatches(entries.map(toMatchable), opened, (entry) =>
    busy.some((b) => {
      if (Number(b.patient_id) !== entry.patientId) return false;
      const at = parseTime(String(b.appointment_time).slice(0, 5));
      return overlaps(
        { start: at, end: at + Number(b.duration_minutes) },
        { start, end: start + entry.durationMinutes },
      );
    }),
  );
  const byId = new Map(entries.map((e) => [e.id, e]));
  const summary = {
    id: doctor.id,
    firstName: doctor.firstName,
    lastName: doctor.lastName,
    specialization: doctor.specialization,
    bufferMinutes: null,
  };
  return ranked.map((match, index) => ({
    rank: index + 1,
    entry: byId.get(match.id)!,
    slot: toSlotView(summary, { date: slot.date, time: slot.time, durationMinutes: match.durationMinutes }),
  }));
}

/**
 * Books a waiting patient into a slot in one step, through bookAppointment (so every scheduling
 * rule holds), then marks the entry Booked. A retry with the same idempotency key finishes the job.
 */
export async function bookFromWaitingList(
  sql: SqlStore,
  input: { entryId: number; doctorId: number; date: string; time: string; idempotencyKey: string },
  clock: Clock,
): Promise<WaitingListBooking> {
  const entry = await loadEntry(sql, input.entryId);
  const appointment = await bookQueuedEntry(sql, { table: 'waiting_list', what: 'waiting-list entry' }, input.entryId, entry, input, clock);
  return { entry: await loadEntry(sql, input.entryId), appointment };
}
