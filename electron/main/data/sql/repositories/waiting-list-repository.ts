import { QueryTypes } from 'sequelize';
import type { QueueStatus, WaitingEntryView } from '../../../../../shared/ipc/reception/types';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../open-sql-store';
import { isoOf } from '../sql-time';

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

export type NewWaitingEntry = Pick<
  WaitingEntryView,
  'patientId' | 'doctorId' | 'specialization' | 'fromDate' | 'toDate' | 'earliestTime' | 'latestTime' | 'durationMinutes' | 'appointmentType' | 'priority' | 'notes'
> & {
  /** UTC text, as `utcText` writes it. */
  createdAt: string;
};

/** A patient's live appointment of one day: when it starts ('HH:MM') and how long it lasts. */
export interface PatientBusyTime {
  patientId: number;
  time: string;
  durationMinutes: number;
}

/** The waiting list's statements. Lists come best placed first: priority, then waiting time. */
export interface WaitingListRepository {
  entry(entryId: number): Promise<WaitingEntryView | null>;
  waitingOfPatient(patientId: number): Promise<WaitingEntryView[]>;
  /** Waiting entries whose window has not passed by `today`. */
  waitingFrom(today: string): Promise<WaitingEntryView[]>;
  /** Waiting entries whose window holds `date` and that want this doctor or any of their specialization. */
  waitingFitting(opened: { date: string; doctorId: number; specialization: string }): Promise<WaitingEntryView[]>;
  add(entry: NewWaitingEntry): Promise<void>;
  markRemoved(entryId: number, resolvedAt: string): Promise<void>;
  markBooked(entryId: number, appointmentId: number, resolvedAt: string): Promise<void>;
  liveAppointmentsOfPatientsOn(patientIds: number[], date: string): Promise<PatientBusyTime[]>;
}

export function waitingListRepository(sql: SqlStore): WaitingListRepository {
  const { sequelize } = sql;
  const entries = async (where: string, replacements: Record<string, unknown>): Promise<WaitingEntryView[]> => {
    const [rows] = await sequelize.query(`${SELECT_ENTRIES} WHERE ${where} ORDER BY w.priority, w.created_at, w.id`, {
      replacements,
      type: QueryTypes.RAW,
    });
    return (rows as EntryRow[]).map(toEntryView);
  };
  return {
    async entry(entryId) {
      const [entry] = await entries('w.id = :entryId', { entryId });
      return entry ?? null;
    },
    waitingOfPatient: (patientId) => entries("w.patient_id = :patientId AND w.status = 'Waiting'", { patientId }),
    waitingFrom: (today) => entries("w.status = 'Waiting' AND w.to_date >= :today", { today }),
    waitingFitting: (opened) =>
      entries(
        "w.status = 'Waiting' AND w.from_date <= :date AND w.to_date >= :date AND (w.doctor_id = :doctorId OR (w.doctor_id IS NULL AND w.specialization = :specialization))",
        opened,
      ),

    async add(entry) {
      await sequelize.query(
        `INSERT INTO waiting_list (patient_id, doctor_id, specialization, from_date, to_date, earliest_time, latest_time, duration_minutes, appointment_type, priority, notes, status, created_at)
         VALUES ($patientId, $doctorId, $specialization, $fromDate, $toDate, $earliest, $latest, $duration, $type, $priority, $notes, 'Waiting', $createdAt)`,
        {
          // what was typed (notes, specialization) is bound as parameters, never spliced into the statement
          bind: {
            patientId: entry.patientId,
            doctorId: entry.doctorId,
            specialization: entry.specialization,
            fromDate: entry.fromDate,
            toDate: entry.toDate,
            earliest: `${entry.earliestTime}:00`,
            latest: `${entry.latestTime}:00`,
            duration: entry.durationMinutes,
            type: entry.appointmentType,
            priority: entry.priority,
            notes: entry.notes,
            createdAt: entry.createdAt,
          },
          type: QueryTypes.INSERT,
        },
      );
    },

    async markRemoved(entryId, resolvedAt) {
      await sequelize.query("UPDATE waiting_list SET status = 'Removed', resolved_at = :now WHERE id = :entryId AND status = 'Waiting'", {
        replacements: { entryId, now: resolvedAt },
      });
    },

    async markBooked(entryId, appointmentId, resolvedAt) {
      await sequelize.query("UPDATE waiting_list SET status = 'Booked', appointment_id = :appointmentId, resolved_at = :now WHERE id = :entryId", {
        replacements: { entryId, appointmentId, now: resolvedAt },
      });
    },

    async liveAppointmentsOfPatientsOn(patientIds, date) {
      const [rows] = await sequelize.query(
        `SELECT patient_id, appointment_time, duration_minutes FROM appointments
          WHERE patient_id IN (:patientIds) AND appointment_date = :date AND status IN ('Scheduled', 'Confirmed')`,
        { replacements: { patientIds, date }, type: QueryTypes.RAW },
      );
      return (rows as { patient_id: number; appointment_time: string; duration_minutes: number }[]).map((r) => ({
        patientId: Number(r.patient_id),
        time: String(r.appointment_time).slice(0, 5),
        durationMinutes: Number(r.duration_minutes),
      }));
    },
  };
}
