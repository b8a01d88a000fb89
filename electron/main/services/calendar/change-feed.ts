import { QueryTypes } from 'sequelize';
import type { CalendarChanges } from '../../../../shared/ipc/calendar/types';
import type { CalendarChangesQuery } from '../../../../shared/ipc/calendar/schemas';
import type { SqlStore } from '../../data/sql/open-sql-store';

interface FingerprintRow {
  day: string;
  n: number | string;
  latest: string | Date | null;
  checksum: number | string | null;
}

/**
 * Per date, a fingerprint of its appointments: how many, the latest updated_at, and a checksum
 * over what the calendar and the board show (doctor, time, duration, status, arrival and
 * the later steps of the visit, walk-in), weighted
 * by id so that two changes do not cancel out. Polled every few seconds by every open calendar,
 * so it is one aggregate on the appointment_date index and returns no rows or patient data.
 *
 * Why not "rows changed since a cursor on updated_at": each workstation writes updated_at from
 * its own clock, and a clock a few seconds behind would hide its changes from such a cursor. A
 * checksum of the rows themselves sees every change whatever the clocks say.
 */
export async function calendarChanges(sql: SqlStore, query: CalendarChangesQuery): Promise<CalendarChanges> {
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
    { type: QueryTypes.RAW, replacements: { from: query.from, to: query.to } },
  );
  const fingerprints: Record<string, string> = {};
  for (const row of rows as FingerprintRow[]) {
    const latest = row.latest instanceof Date ? row.latest.toISOString() : String(row.latest ?? '');
    fingerprints[String(row.day).slice(0, 10)] = `${Number(row.n)}:${String(row.checksum ?? 0)}:${latest}`;
  }
  return { from: query.from, to: query.to, fingerprints };
}
