import type { SqlDialect } from '../sql/connection';
import type { Row, RowBatch } from './clinic-generator';

export type SqlParameter = string | number | null;

export interface InsertStatement {
  sql: string;
  params: SqlParameter[];
}

/** Runs one statement with positional `?` parameters: a raw driver or Sequelize, the caller decides. */
export type ExecuteStatement = (sql: string, params: SqlParameter[]) => Promise<void>;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A generated value as the column stores it. Timestamps are UTC: on MySQL as DATETIME text (the
 * session time zone of the app is +00:00), on SQLite in the text form Sequelize writes and reads.
 */
export function toSqlParameter(value: Row[string], dialect: SqlDialect): SqlParameter {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  return dialect === 'mysql' ? text : `${text}.${pad(value.getUTCMilliseconds(), 3)} +00:00`;
}

/**
 * Multi-row INSERTs for one batch: one round trip per few thousand rows instead of one per row.
 * `maxParameters` keeps each statement under the driver's limit (SQLite binds at most 32766).
 */
export function insertStatements(batch: RowBatch, dialect: SqlDialect, maxParameters: number): InsertStatement[] {
  const first = batch.rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  const rowsPerStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const statements: InsertStatement[] = [];
  for (let start = 0; start < batch.rows.length; start += rowsPerStatement) {
    const rows = batch.rows.slice(start, start + rowsPerStatement);
    const params: SqlParameter[] = [];
    for (const row of rows) for (const column of columns) params.push(toSqlParameter(row[column] ?? null, dialect));
    statements.push({
      sql: `INSERT INTO ${batch.table} (${columns.join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`,
      params,
    });
  }
  return statements;
}

/** Inserts every batch in order (parents before children, as the generator yields them); returns rows per table. */
export async function insertBatches(
  batches: Iterable<RowBatch>,
  dialect: SqlDialect,
  execute: ExecuteStatement,
  maxParameters: number,
): Promise<Record<RowBatch['table'], number>> {
  const counts: Record<RowBatch['table'], number> = { doctors: 0, patients: 0, doctor_availability: 0, doctor_unavailable_dates: 0, appointments: 0 };
  for (const batch of batches) {
    for (const statement of insertStatements(batch, dialect, maxParameters)) await execute(statement.sql, statement.params);
    counts[batch.table] += batch.rows.length;
  }
  return counts;
}
