import type { CalendarChanges } from '../../../../shared/ipc/calendar/types';
import type { CalendarChangesQuery } from '../../../../shared/ipc/calendar/schemas';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { referenceCacheOf } from '../cache/reference-cache';
import { calendarRepository } from '../../data/sql/repositories/calendar-repository';

/**
 * Per date, a fingerprint of its appointments (the calendar repository says what it covers).
 * Polled every few seconds by every open calendar, so it is one aggregate and returns no rows or
 * patient data.
 *
 * Why not "rows changed since a cursor on updated_at": each workstation writes updated_at from
 * its own clock, and a clock a few seconds behind would hide its changes from such a cursor. A
 * checksum of the rows themselves sees every change whatever the clocks say.
 */
export async function calendarChanges(sql: SqlStore, query: CalendarChangesQuery): Promise<CalendarChanges> {
  const { days, reference } = await calendarRepository(sql).changeFingerprints(query.from, query.to);
  referenceCacheOf(sql.sequelize).confirmFingerprint(reference);
  return { from: query.from, to: query.to, fingerprints: days };
}
