import type { Transaction } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../open-sql-store';
import { utcSqlText } from '../utc-replacements';
import { leanInsert, leanSelect } from '../lean-statements';
import { serverNowMsSql } from './server-clock-repository';

export interface LockedRow {
  id: number;
  is_active: number | boolean | null;
  earlier_appointment_id?: number | null;
  /** The server's time when the lock was granted (epoch ms): the booking's stamps. */
  server_now_ms?: number | string;
}

export interface NewAppointment {
  patientId: number;
  doctorId: number;
  date: string;
  /** HH:MM (or HH:MM:SS) */
  time: string;
  durationMinutes: number;
  appointmentType: AppointmentType;
  patientNotes: string | null;
  walkIn: boolean;
  status: AppointmentStatus;
  checkedInAt: Date | null;
  /** created_at and updated_at: the server's time (see lockPatientAndFindRequest). */
  stamp: Date;
}

/**
 * The statements of the booking transaction. Its reads and INSERTs go the lean way (see
 * `lean-statements.ts`): a booking is a handful of small statements, and Sequelize's per-statement
 * pipeline cost about as much as the database did for each.
 */
export interface BookingRepository {
  /** Locks a doctor or patient row for the transaction (FOR UPDATE on MySQL; SQLite's IMMEDIATE transaction already holds the write lock). */
  lock(table: 'doctors' | 'patients', id: number, transaction: Transaction): Promise<LockedRow | undefined>;
  /**
   * Locks the patient row and, in the same round trip, looks up the idempotency key and reads the
   * server's clock. The key is read after the lock is granted (READ COMMITTED), so a twin request
   * that held the lock first and committed is seen here.
   */
  lockPatientAndFindRequest(patientId: number, idempotencyKey: string, transaction: Transaction): Promise<LockedRow | undefined>;
  /** Inserts the appointment with every column the model would default spelled out; its id. */
  insertAppointment(row: NewAppointment, transaction: Transaction): Promise<number>;
  /** Remembers which appointment an idempotency key made. */
  rememberRequest(idempotencyKey: string, appointmentId: number, at: Date, transaction: Transaction): Promise<void>;
  /** MySQL: the doctor's row must be locked too; SQLite's IMMEDIATE transaction already excludes every other writer. */
  readonly locksDoctor: boolean;
}

export function bookingRepository(sql: SqlStore): BookingRepository {
  const { sequelize, dialect } = sql;
  const forUpdate = dialect === 'mysql' ? ' FOR UPDATE' : '';
  const text = (at: Date) => utcSqlText(dialect, at);
  return {
    locksDoctor: dialect === 'mysql',
    async lock(table, id, transaction) {
      const [row] = await leanSelect<LockedRow>(sequelize, `SELECT id, is_active FROM ${table} WHERE id = ?${forUpdate}`, [id], transaction);
      return row;
    },
    async lockPatientAndFindRequest(patientId, idempotencyKey, transaction) {
      const [row] = await leanSelect<LockedRow>(
        sequelize,
        `SELECT p.id, p.is_active, (SELECT b.appointment_id FROM booking_requests b WHERE b.idempotency_key = ?) AS earlier_appointment_id,
                ${serverNowMsSql(dialect)} AS server_now_ms
           FROM patients p WHERE p.id = ?${forUpdate}`,
        [idempotencyKey, patientId],
        transaction,
      );
      return row;
    },
    insertAppointment(row, transaction) {
      const stamp = text(row.stamp);
      return leanInsert(
        sequelize,
        `INSERT INTO appointments (patient_id, doctor_id, appointment_date, appointment_time, duration_minutes, status, appointment_type, patient_notes,
                                   created_at, updated_at, late_cancellation, walk_in, checked_in_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
        [
          row.patientId,
          row.doctorId,
          row.date,
          /^\d{2}:\d{2}$/.test(row.time) ? `${row.time}:00` : row.time,
          row.durationMinutes,
          row.status,
          row.appointmentType,
          row.patientNotes,
          stamp,
          stamp,
          row.walkIn ? 1 : 0,
          row.checkedInAt ? text(row.checkedInAt) : null,
        ],
        transaction,
      );
    },
    async rememberRequest(idempotencyKey, appointmentId, at, transaction) {
      await leanInsert(sequelize, 'INSERT INTO booking_requests (idempotency_key, appointment_id, created_at) VALUES (?, ?, ?)', [idempotencyKey, appointmentId, text(at)], transaction);
    },
  };
}
