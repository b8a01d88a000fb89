import { countQueries } from '../../electron/main/data/sql/query-counter';
import { referenceCacheOf } from '../../electron/main/services/cache/reference-cache';
import { calendarDay } from '../../electron/main/services/scheduling/calendar-day';
import { loadSchedules } from '../../electron/main/services/scheduling/schedule-query';
import type { BenchContext } from './measurements';

export interface CacheStatements {
  /** Statements of one calendar day (30 doctors) with the reference cache empty: as before the cache. */
  calendarDayWithoutCache: number;
  /** The same day again, the settings and schedules served from the cache. */
  calendarDayWithCache: number;
}

/** Statements per calendar day before and after the reference cache, counted on the bench's store. */
export async function countCacheStatements(ctx: BenchContext): Promise<CacheStatements> {
  const { doctors } = await loadSchedules(ctx.sql.sequelize, {}, ctx.today, ctx.today);
  const query = { date: ctx.today, doctorIds: doctors.slice(0, 30).map((d) => d.id) };
  referenceCacheOf(ctx.sql.sequelize).invalidate();
  const cold = await countQueries(ctx.sql.sequelize, () => calendarDay(ctx.sql, query));
  const warm = await countQueries(ctx.sql.sequelize, () => calendarDay(ctx.sql, query));
  return { calendarDayWithoutCache: cold.statements.length, calendarDayWithCache: warm.statements.length };
}
