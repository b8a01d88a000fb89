import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** An appointment with what a message about it needs: the patient's contacts, the doctor's name. */
export interface AppointmentForMessage {
  id: number;
  patientId: number;
  doctorId: number;
  date: string;
  /** 'HH:MM' */
  time: string;
  status: string;
  /** Created within the scanned window: a new booking, not a change of an older one. */
  isNew: boolean;
  patientFirstName: string;
  patientLastName: string;
  email: string;
  phone: string;
  emailOptOut: boolean;
  patientActive: boolean;
  doctorFirstName: string;
  doctorLastName: string;
}

interface Row {
  id: number;
  patient_id: number;
  doctor_id: number;
  appointment_date: string;
  appointment_time: string;
  status: string;
  is_new: number | string | null;
  p_first: string;
  p_last: string;
  email: string;
  phone: string;
  email_opt_out: number | boolean | string | null;
  p_active: number | boolean | string | null;
  d_first: string;
  d_last: string;
}

const truthy = (v: number | boolean | string | null) => v === true || Number(v) === 1;

function fromRow(row: Row): AppointmentForMessage {
  return {
    id: Number(row.id),
    patientId: Number(row.patient_id),
    doctorId: Number(row.doctor_id),
    date: String(row.appointment_date).slice(0, 10),
    time: String(row.appointment_time).slice(0, 5),
    status: row.status,
    isNew: truthy(row.is_new),
    patientFirstName: row.p_first,
    patientLastName: row.p_last,
    email: row.email,
    phone: row.phone,
    emailOptOut: truthy(row.email_opt_out),
    patientActive: row.p_active === null || truthy(row.p_active),
    doctorFirstName: row.d_first,
    doctorLastName: row.d_last,
  };
}

const SELECT = (isNew: string) => `SELECT a.id, a.patient_id, a.doctor_id, a.appointment_date, a.appointment_time, a.status, ${isNew} AS is_new,
    p.first_name AS p_first, p.last_name AS p_last, p.email, p.phone, p.email_opt_out, p.is_active AS p_active,
    d.first_name AS d_first, d.last_name AS d_last
  FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN doctors d ON d.id = a.doctor_id`;

/** The appointments and the scan cursor that the message job reads. */
export interface MessageRepository {
  /** Scheduled or confirmed appointments dated first..last, by date and time. */
  liveOnDates(first: string, last: string): Promise<AppointmentForMessage[]>;
  /** Appointments updated at or after `since`, dated `firstDate` or later; `isNew` when also created since then. */
  changedSince(since: Date, firstDate: string): Promise<AppointmentForMessage[]>;
  appointment(appointmentId: number): Promise<AppointmentForMessage | null>;
  /** Up to where (epoch ms) the notice scan has read the changes; null before the first scan. */
  noticeScanCursor(): Promise<number | null>;
  /** Moves the notice scan cursor forward to `toMs` (never back). */
  advanceNoticeScanCursor(toMs: number): Promise<void>;
}

export function messageRepository(sql: SqlStore): MessageRepository {
  const { sequelize } = sql;
  return {
    async liveOnDates(first, last) {
      const rows = await sequelize.query<Row>(
        `${SELECT('0')} WHERE a.appointment_date BETWEEN :first AND :last AND a.status IN ('Scheduled', 'Confirmed') ORDER BY a.appointment_date, a.appointment_time, a.id`,
        { replacements: { first, last }, type: QueryTypes.SELECT },
      );
      return rows.map(fromRow);
    },

    async changedSince(since, firstDate) {
      const rows = await sequelize.query<Row>(
        `${SELECT('CASE WHEN a.created_at >= :since THEN 1 ELSE 0 END')} WHERE a.updated_at >= :since AND a.appointment_date >= :today ORDER BY a.updated_at, a.id`,
        { replacements: { since, today: firstDate }, type: QueryTypes.SELECT },
      );
      return rows.map(fromRow);
    },

    async appointment(appointmentId) {
      const [row] = await sequelize.query<Row>(`${SELECT('0')} WHERE a.id = :id`, { replacements: { id: appointmentId }, type: QueryTypes.SELECT });
      return row ? fromRow(row) : null;
    },

    async noticeScanCursor() {
      const [cursor] = await sequelize.query<{ scanned_to_ms: number | string }>("SELECT scanned_to_ms FROM message_cursor WHERE name = 'notices'", {
        type: QueryTypes.SELECT,
      });
      return cursor ? Number(cursor.scanned_to_ms) : null;
    },

    async advanceNoticeScanCursor(toMs) {
      await sequelize.query("UPDATE message_cursor SET scanned_to_ms = :to WHERE name = 'notices' AND scanned_to_ms < :to", {
        replacements: { to: toMs },
      });
    },
  };
}
