import { QueryTypes } from 'sequelize';
import type { SqlDialect } from '../connection';
import type { SqlStore } from '../open-sql-store';

/**
 * The clinic server's clock, for times compared across machines: row stamps, scan cursors,
 * leases. Workstation clocks drift and are set by hand; the database's is the one all of them
 * share (a standalone file's database is the workstation itself).
 */
export function serverNowMsSql(dialect: SqlDialect): string {
  return dialect === 'mysql'
    ? 'CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)'
    : "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
}

/** The server's time now, in epoch milliseconds. */
export async function serverNowMs(sql: SqlStore): Promise<number> {
  const [row] = await sql.sequelize.query<{ now_ms: number | string }>(`SELECT ${serverNowMsSql(sql.dialect)} AS now_ms`, { type: QueryTypes.SELECT });
  const ms = Number(row?.now_ms);
  if (!Number.isFinite(ms)) throw new Error('The database did not tell its time');
  return ms;
}
