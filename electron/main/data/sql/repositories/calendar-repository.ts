import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

interface FingerprintRow {
  day: string;
  n: number | string;
  latest: string | Date | null;
  checksum: number | string | null;
}

/** The calendar's aggregate reads over the appointments. */
export interface CalendarRepository {
  /**
   * Per date with appointments, a fingerprint of them: how many, the latest updated_at, and a
   * checksum over what the calendar and the board show (doctor, time, duration, status,
   * arrival, the later steps of the visit, walk-in), weighted by id so that two changes do not
   * cancel out. One aggregate on the
   * appointment_date index: no rows, no patient data.
   */
  dayFingerprints(from: string, to: string): Promise<Record<string, string>>;
}

export function calendarRepository(sql: SqlStore): CalendarRepository {
  return {
    async dayFingerprints(from, to) {
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
          GROUP BY a.appointment_date`,
        { type: QueryTypes.RAW, replacements: { from, to } },
      );
      const fingerprints: Record<string, string> = {};
      for (const row of rows as FingerprintRow[]) {
        const latest = row.latest instanceof Date ? row.latest.toISOString() : String(row.latest ?? '');
        fingerprints[String(row.day).slice(0, 10)] = `${Number(row.n)}:${String(row.checksum ?? 0)}:${latest}`;
      }
      return fingerprints;
    },
  };
}
