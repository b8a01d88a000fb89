import { QueryTypes } from 'sequelize';
import {
  APPOINTMENT_STATUSES,
  LIVE_STATUSES,
  type AppointmentStatus,
} from '../../../../shared/domain/scheduling/lifecycle';
import { addDays, datesBetween, shiftMonth } from '../../../../shared/domain/scheduling';
import type { CalendarMonth, CalendarMonthDay, StatusCounts } from '../../../../shared/ipc/calendar/types';
import type { CalendarMonthQuery } from '../../../../shared/ipc/calendar/schemas';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { chosenDoctors } from '../scheduling/schedule-query';

/** The first and last date of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(shiftMonth(from, 1), -1) };
}

const zeroCounts = (): StatusCounts =>
  Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])) as StatusCounts;

interface CountRow {
  day: string;
  status: AppointmentStatus;
  n: number | string;
}

/**
 * The month overview: per date, the appointments of the chosen active doctors by status. ONE
 * GROUP BY in the database (on the appointment_date index), never the rows themselves.
 */
async function calendarMonthOn(sql: SqlStore, query: CalendarMonthQuery): Promise<CalendarMonth> {
  const { from, to } = monthRange(query.month);
  const doctors = chosenDoctors({ doctorIds: query.doctorIds, specialization: query.specialization });
  const [rows] = await sql.sequelize.query(
    `SELECT a.appointment_date AS day, a.status AS status, COUNT(*) AS n
       FROM appointments a
      WHERE a.appointment_date BETWEEN :from AND :to
        AND a.doctor_id IN (SELECT d.id FROM doctors d WHERE ${doctors.conditions.join(' AND ')})
      GROUP BY a.appointment_date, a.status`,
    { type: QueryTypes.RAW, replacements: { ...doctors.replacements, from, to } },
  );
  const byDate = new Map<string, StatusCounts>();
  for (const row of rows as CountRow[]) {
    const date = String(row.day).slice(0, 10);
    const counts = byDate.get(date) ?? zeroCounts();
    counts[row.status] = Number(row.n);
    byDate.set(date, counts);
  }
  const days: CalendarMonthDay[] = datesBetween(from, to).map((date) => {
    const byStatus = byDate.get(date) ?? zeroCounts();
    return { date, booked: LIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0), byStatus };
  });
  return { month: query.month, days };
}

/** An overview: a replica a few seconds behind serves it as well as the primary. */
export function calendarMonth(sql: SqlStore, query: CalendarMonthQuery): Promise<CalendarMonth> {
  return readFrom(sql, 'replica-ok', (reader) => calendarMonthOn(reader, query));
}
