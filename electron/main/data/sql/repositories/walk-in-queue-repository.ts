import { QueryTypes, type Transaction } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling/lifecycle';
import type { QueueStatus, WalkInEntryView } from '../../../../../shared/ipc/reception/types';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../open-sql-store';
import { isoOf } from '../sql-time';

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

export interface NewWalkIn {
  patientId: number;
  doctorId: number | null;
  specialization: string | null;
  durationMinutes: number;
  appointmentType: AppointmentType;
  notes: string | null;
  /** UTC text, as `utcText` writes it. */
  arrivedAt: string;
}

/** A live appointment of the day, with its doctor's name, for the running delays. */
export interface LiveAppointmentOfDay {
  doctorId: number;
  doctorName: string;
  time: string;
  status: AppointmentStatus;
}

/** The walk-in queue's statements: its entries, with their patient and doctor names. */
export interface WalkInQueueRepository {
  entry(entryId: number, transaction?: Transaction): Promise<WalkInEntryView | null>;
  /** Waiting entries in arrival order. */
  waiting(): Promise<WalkInEntryView[]>;
  patientHasWaitingEntry(patientId: number, transaction: Transaction): Promise<boolean>;
  /** Adds a waiting entry; returns its id. */
  add(entry: NewWalkIn, transaction: Transaction): Promise<number>;
  /** Marks a waiting entry removed; an entry no longer waiting is left as it is. */
  markRemoved(entryId: number, resolvedAt: string): Promise<void>;
  markBooked(entryId: number, appointmentId: number, resolvedAt: string): Promise<void>;
  liveAppointmentsOn(date: string): Promise<LiveAppointmentOfDay[]>;
}

export function walkInQueueRepository(sql: SqlStore): WalkInQueueRepository {
  const { sequelize } = sql;
  return {
    async entry(entryId, transaction) {
      const [rows] = await sequelize.query(`${SELECT_ENTRIES} WHERE q.id = :entryId`, {
        replacements: { entryId },
        type: QueryTypes.RAW,
        transaction,
      });
      const row = (rows as EntryRow[])[0];
      return row ? toEntryView(row) : null;
    },

    async waiting() {
      const [rows] = await sequelize.query(`${SELECT_ENTRIES} WHERE q.status = 'Waiting' ORDER BY q.arrived_at, q.id`, {
        type: QueryTypes.RAW,
      });
      return (rows as EntryRow[]).map(toEntryView);
    },

    async patientHasWaitingEntry(patientId, transaction) {
      const [rows] = await sequelize.query("SELECT id FROM walk_in_queue WHERE patient_id = :id AND status = 'Waiting'", {
        replacements: { id: patientId },
        type: QueryTypes.RAW,
        transaction,
      });
      return (rows as unknown[]).length > 0;
    },

    async add(entry, transaction) {
      await sequelize.query(
        `INSERT INTO walk_in_queue (patient_id, doctor_id, specialization, duration_minutes, appointment_type, notes, arrived_at, status)
         VALUES (:patientId, :doctorId, :specialization, :duration, :type, :notes, :arrivedAt, 'Waiting')`,
        {
          replacements: {
            patientId: entry.patientId,
            doctorId: entry.doctorId,
            specialization: entry.specialization,
            duration: entry.durationMinutes,
            type: entry.appointmentType,
            notes: entry.notes,
            arrivedAt: entry.arrivedAt,
          },
          type: QueryTypes.INSERT,
          transaction,
        },
      );
      // The id both dialects agree on: a patient has at most one waiting entry.
      const [last] = await sequelize.query(
        "SELECT MAX(id) AS id FROM walk_in_queue WHERE patient_id = :id AND status = 'Waiting'",
        { replacements: { id: entry.patientId }, type: QueryTypes.RAW, transaction },
      );
      return Number((last as { id: number }[])[0]!.id);
    },

    async markRemoved(entryId, resolvedAt) {
      await sequelize.query(
        "UPDATE walk_in_queue SET status = 'Removed', resolved_at = :now WHERE id = :entryId AND status = 'Waiting'",
        { replacements: { entryId, now: resolvedAt } },
      );
    },

    async markBooked(entryId, appointmentId, resolvedAt) {
      await sequelize.query("UPDATE walk_in_queue SET status = 'Booked', appointment_id = :appointmentId, resolved_at = :now WHERE id = :entryId", {
        replacements: { entryId, appointmentId, now: resolvedAt },
      });
    },

    async liveAppointmentsOn(date) {
      const [rows] = await sequelize.query(
        `SELECT a.doctor_id, d.first_name, d.last_name, a.appointment_time, a.status FROM appointments a JOIN doctors d ON d.id = a.doctor_id
          WHERE a.appointment_date = :today AND a.status IN ('Scheduled', 'Confirmed')`,
        { replacements: { today: date }, type: QueryTypes.RAW },
      );
      return (
        rows as { doctor_id: number; first_name: string; last_name: string; appointment_time: string; status: AppointmentStatus }[]
      ).map((r) => ({
        doctorId: Number(r.doctor_id),
        doctorName: `Dr. ${r.first_name} ${r.last_name}`,
        time: String(r.appointment_time).slice(0, 5),
        status: r.status,
      }));
    },
  };
}
