import { QueryTypes } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling/lifecycle';
import type { SqlStore } from '../open-sql-store';
import type { DayAppointmentRow } from './calendar-day-repository';
import { chosenDoctors, type DoctorFilter } from './schedule-repository';

interface FingerprintRow {
  day: string;
  n: number | string;
  latest: string | Date | null;
  checksum: number | string | null;
}

/** The row the fingerprint query adds for the reference tables: not a date. */
const REFERENCE_ROW = 'reference';

/** Minutes past midnight of a TIME column, as a number on both dialects (NULL as 0). */
function minutesOf(column: string): string {
  return `COALESCE((SUBSTR(${column}, 1, 2) + 0) * 60 + (SUBSTR(${column}, 4, 2) + 0), 0)`;
}

/**
 * A fingerprint of settings, doctors, weekly hours and days off in the day rows' layout: how
 * many rows, the latest updated_at where the table has one, and a checksum over the columns the
 * scheduling rules and calendars read, weighted by id.
 */
const REFERENCE_FINGERPRINT_SQL = `
    SELECT '${REFERENCE_ROW}' AS day, SUM(r.n) AS n, MAX(r.latest) AS latest, SUM(r.checksum) AS checksum
      FROM (SELECT COUNT(*) AS n, MAX(s.updated_at) AS latest, SUM(s.id * (LENGTH(s.setting_key) + LENGTH(s.setting_value) * 31)) AS checksum
              FROM clinic_settings s
            UNION ALL
            SELECT COUNT(*), MAX(d.updated_at),
                   SUM(d.id * (CASE WHEN d.is_active THEN 1 ELSE 2 END + COALESCE(d.buffer_minutes, 0) * 7
                               + LENGTH(d.first_name) * 31 + LENGTH(d.last_name) * 131 + LENGTH(d.specialization) * 1009))
              FROM doctors d
            UNION ALL
            SELECT COUNT(*), NULL,
                   SUM(a.id * (a.day_of_week * 7 + ${minutesOf('a.start_time')} * 11 + ${minutesOf('a.end_time')} * 13
                               + CASE WHEN a.is_available THEN 100003 ELSE 0 END))
              FROM doctor_availability a
            UNION ALL
            SELECT COUNT(*), NULL,
                   SUM(u.id * ((SUBSTR(u.unavailable_date, 6, 2) + 0) * 31 + (SUBSTR(u.unavailable_date, 9, 2) + 0)
                               + ${minutesOf('u.start_time')} * 11 + ${minutesOf('u.end_time')} * 13 + COALESCE(LENGTH(u.reason), 0) * 100003))
              FROM doctor_unavailable_dates u) r`;

export interface ChangeFingerprints {
  /** Per date with appointments, its fingerprint. */
  days: Record<string, string>;
  /** One fingerprint of settings, doctors, weekly hours and days off: what the reference cache holds. */
  reference: string;
}

/** The calendar's aggregate reads over the appointments. */
export interface CalendarRepository {
  /**
   * Per date with appointments, a fingerprint of them: how many, the latest updated_at, and a
   * checksum over what the calendar and the board show (doctor, time, duration, status,
   * arrival, the later steps of the visit, walk-in), weighted by id so that two changes do not
   * cancel out. One aggregate on the appointment_date index: no rows, no patient data. The same
   * statement fingerprints the reference tables, so the reference cache learns of other
   * workstations' writes at no extra cost.
   */
  changeFingerprints(from: string, to: string): Promise<ChangeFingerprints>;
  /** Per date and status, how many appointments the chosen active doctors have: one GROUP BY on the appointment_date index. */
  statusCounts(filter: DoctorFilter, from: string, to: string): Promise<StatusCountRow[]>;
  /** Every appointment of one doctor over a date range with the patient's name: one statement on the (doctor_id, appointment_date, appointment_time) index. */
  doctorAppointments(doctorId: number, from: string, to: string): Promise<DatedAppointmentRow[]>;
}

export interface StatusCountRow {
  day: string;
  status: AppointmentStatus;
  n: number;
}

export type DatedAppointmentRow = DayAppointmentRow & { appointment_date: string };

export function calendarRepository(sql: SqlStore): CalendarRepository {
  return {
    async changeFingerprints(from, to) {
      // TIME is 'HH:MM:SS' as text on both dialects; `+ 0` turns the digits into a number on both.
      const [rows] = await sql.sequelize.query(
        `SELECT a.appointment_date AS day, COUNT(*) AS n, MAX(a.updated_at) AS latest,
                SUM(a.id * (a.doctor_id * 7
                            + (SUBSTR(a.appointment_time, 1, 2) + 0) * 60 + (SUBSTR(a.appointment_time, 4, 2) + 0)
                            + a.duration_minutes * 13
                            + CASE a.status WHEN 'Scheduled' THEN 1 WHEN 'Confirmed' THEN 2 WHEN 'Completed' THEN 3 WHEN 'Cancelled' THEN 4 ELSE 5 END * 100003
                            + CASE WHEN a.checked_in_at IS NULL THEN 0 ELSE 1000003 END
                            + CASE WHEN a.in_room_at IS NULL THEN 0 ELSE 2000003 END
                            + CASE WHEN a.with_doctor_at IS NULL THEN 0 ELSE 4000037 END
                            + CASE WHEN a.checked_out_at IS NULL THEN 0 ELSE 8000009 END
                            + a.walk_in * 16000057)) AS checksum
           FROM appointments a
          WHERE a.appointment_date BETWEEN :from AND :to
          GROUP BY a.appointment_date
         UNION ALL${REFERENCE_FINGERPRINT_SQL}`,
        { type: QueryTypes.RAW, replacements: { from, to } },
      );
      const days: Record<string, string> = {};
      let reference = '';
      for (const row of rows as FingerprintRow[]) {
        const latest = row.latest instanceof Date ? row.latest.toISOString() : String(row.latest ?? '');
        const fingerprint = `${Number(row.n)}:${String(row.checksum ?? 0)}:${latest}`;
        if (row.day === REFERENCE_ROW) reference = fingerprint;
        else days[String(row.day).slice(0, 10)] = fingerprint;
      }
      return { days, reference };
    },

    async statusCounts(filter, from, to) {
      const doctors = chosenDoctors(filter);
      const [rows] = await sql.sequelize.query(
        `SELECT a.appointment_date AS day, a.status AS status, COUNT(*) AS n
           FROM appointments a
          WHERE a.appointment_date BETWEEN :from AND :to
            AND a.doctor_id IN (SELECT d.id FROM doctors d WHERE ${doctors.conditions.join(' AND ')})
          GROUP BY a.appointment_date, a.status`,
        { type: QueryTypes.RAW, replacements: { ...doctors.replacements, from, to } },
      );
      return (rows as { day: string | Date; status: AppointmentStatus; n: number | string }[]).map((row) => ({
        day: String(row.day).slice(0, 10),
        status: row.status,
        n: Number(row.n),
      }));
    },

    async doctorAppointments(doctorId, from, to) {
      const [rows] = await sql.sequelize.query(
        `SELECT a.id, a.doctor_id, a.patient_id, a.appointment_date, a.appointment_time, a.duration_minutes, a.status, a.appointment_type,
                a.series_id, a.checked_in_at, a.in_room_at, a.with_doctor_at, a.checked_out_at, a.walk_in, p.first_name, p.last_name, p.phone
           FROM appointments a JOIN patients p ON p.id = a.patient_id
          WHERE a.doctor_id = :doctorId AND a.appointment_date BETWEEN :from AND :to
          ORDER BY a.appointment_date, a.appointment_time, a.id`,
        { type: QueryTypes.RAW, replacements: { doctorId, from, to } },
      );
      return (rows as DatedAppointmentRow[]).map((row) => ({ ...row, appointment_date: String(row.appointment_date).slice(0, 10) }));
    },
  };
}
