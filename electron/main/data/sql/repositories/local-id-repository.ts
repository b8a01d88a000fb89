import { QueryTypes } from 'sequelize';
import { LOCAL_ID_TABLES, LOWEST_LOCAL_ID, localIdBase, localIdTable } from '../../../../../shared/domain/sync/local-ids';
import type { SqlStore } from '../open-sql-store';

/**
 * Moves the local file's id counters into the local ranges, so a row created offline gets an id
 * the server can never have assigned. The tables are AUTOINCREMENT: SQLite takes the next id
 * from sqlite_sequence, and rows the mirror copies in with their server ids do not lower it.
 */
export async function useLocalIdRanges(local: SqlStore): Promise<void> {
  const db = local.sequelize;
  for (const table of LOCAL_ID_TABLES) {
    const base = localIdBase(table) - 1;
    const rows = await db.query<{ seq: number }>('SELECT seq FROM sqlite_sequence WHERE name = :table', {
      type: QueryTypes.SELECT,
      replacements: { table },
    });
    if (rows.length === 0) {
      await db.query('INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :base)', { replacements: { table, base } });
    } else if (Number(rows[0]?.seq) < base) {
      await db.query('UPDATE sqlite_sequence SET seq = :base WHERE name = :table', { replacements: { table, base } });
    }
  }
}

/**
 * A standalone store assigns ids itself: counters a networked past left in the local ranges go
 * back to the highest id in use, so new rows are not taken for changes waiting for a server.
 */
export async function useOwnIdRanges(store: SqlStore): Promise<void> {
  const db = store.sequelize;
  for (const table of LOCAL_ID_TABLES) {
    const [row] = await db.query<{ seq: number; top: number | null }>(
      `SELECT s.seq AS seq, (SELECT MAX(id) FROM ${table} WHERE id < :lowest) AS top FROM sqlite_sequence s WHERE s.name = :table`,
      { type: QueryTypes.SELECT, replacements: { table, lowest: LOWEST_LOCAL_ID } },
    );
    if (row && Number(row.seq) >= LOWEST_LOCAL_ID - 1) {
      await db.query('UPDATE sqlite_sequence SET seq = :top WHERE name = :table', { replacements: { table, top: Number(row.top ?? 0) } });
    }
  }
}

/** Whether the local file still holds the row a local id names (its table is in the id). */
export async function holdsLocalRow(local: SqlStore, id: number): Promise<boolean> {
  const table = localIdTable(id);
  if (!table) return false;
  const rows = await local.sequelize.query(`SELECT 1 AS found FROM ${table} WHERE id = :id`, { type: QueryTypes.SELECT, replacements: { id } });
  return rows.length > 0;
}
