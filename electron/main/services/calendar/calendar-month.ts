import { APPOINTMENT_STATUSES, LIVE_STATUSES } from '../../../../shared/domain/scheduling/lifecycle';
import { addDays, datesBetween, shiftMonth } from '../../../../shared/domain/scheduling';
import type { CalendarMonth, CalendarMonthDay, StatusCounts } from '../../../../shared/ipc/calendar/types';
import type { CalendarMonthQuery } from '../../../../shared/ipc/calendar/schemas';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { calendarRepository } from '../../data/sql/repositories/calendar-repository';

/** The first and last date of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(shiftMonth(from, 1), -1) };
}

const zeroCounts = (): StatusCounts =>
  Object.fromEntries(APPOINTMENT_STATUSES.map((status) => [status, 0])) as StatusCounts;

/**
 * The month overview: per date, the appointments of the chosen active doctors by status. ONE
 * GROUP BY in the database (on the appointment_date index), never the rows themselves.
 */
async function calendarMonthOn(sql: SqlStore, query: CalendarMonthQuery): Promise<CalendarMonth> {
  const { from, to } = monthRange(query.month);
  const rows = await calendarRepository(sql).statusCounts({ doctorIds: query.doctorIds, specialization: query.specialization }, from, to);
  const byDate = new Map<string, StatusCounts>();
  for (const row of rows) {
    const counts = byDate.get(row.day) ?? zeroCounts();
    counts[row.status] = row.n;
    byDate.set(row.day, counts);
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
