import { QueryTypes, type QueryOptions, type Transaction } from 'sequelize';
import type { SqlStore } from '../open-sql-store';
import { serverNowMs } from './server-clock-repository';

/** One row as a driver returns it (column name → value). */
export type MirrorRow = Record<string, unknown>;

/** Which rows of a table: all, one id bucket [from, to), or the given ids. */
export type RowRange = { kind: 'all' } | { kind: 'bucket'; from: number; to: number } | { kind: 'ids'; ids: readonly number[] };

function whereOf(range: RowRange): { where: string; replacements: Record<string, unknown> } {
  switch (range.kind) {
    case 'all':
      return { where: '', replacements: {} };
    case 'bucket':
      return { where: 'WHERE id >= :from AND id < :to', replacements: { from: range.from, to: range.to } };
    case 'ids':
      return { where: 'WHERE id IN (:ids)', replacements: { ids: range.ids.length > 0 ? range.ids : [0] } };
  }
}

/**
 * The mirror's statements on either side: the clinic server's tables read (never written) and
 * the workstation file's tables and cursors written. Table names come from the mirror's own
 * list (`mirror-tables.ts`), never from input.
 */
export interface MirrorTables {
  /** Rows of a range. */
  rows(table: string, range: RowRange): Promise<MirrorRow[]>;
  /** Only the ids of a range. */
  ids(table: string, range: RowRange): Promise<number[]>;
  /** Rows stamped after (at, id) in (updated_at, id) order: one page. */
  changedSince(table: string, after: { at: Date; id: number }, limit: number): Promise<MirrorRow[]>;
  /** Per bucket of `size` ids: `count:sum` of the ids, to find ranges that differ without moving every id. */
  idBuckets(table: string, size: number): Promise<Map<number, string>>;
  /**
   * The clinic server's clock, the one its change stamps come from (MySQL stamps updated_at
   * itself); null on SQLite, whose stamps the app writes.
   */
  serverNow(): Promise<Date | null>;
}

export interface MirrorFile extends MirrorTables {
  /** The columns of a table in the local file. */
  columns(table: string): Promise<string[]>;
  /** Inserts or replaces rows by id, in the local file's own value formats. */
  upsert(table: string, columns: readonly string[], rows: readonly MirrorRow[], transaction: Transaction): Promise<void>;
  removeIds(table: string, ids: readonly number[], transaction: Transaction): Promise<void>;
  /** Removes the rows with ids from `base` up (the ones made offline); how many went. */
  removeFrom(table: string, base: number, transaction: Transaction): Promise<number>;
  /** Removes one document of a mirrored collection's table by its id. */
  removeDocument(table: string, id: string): Promise<void>;
  readCursor(name: string): Promise<Date | null>;
  writeCursor(name: string, cursor: Date, transaction?: Transaction): Promise<void>;
}

export function mirrorTables(store: SqlStore): MirrorTables {
  const select = <T extends MirrorRow>(sql: string, replacements: Record<string, unknown> = {}) =>
    store.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const bucketOf = (size: number) => (store.dialect === 'mysql' ? `id DIV ${size}` : `id / ${size}`);
  return {
    rows(table, range) {
      const { where, replacements } = whereOf(range);
      return select(`SELECT * FROM ${table} ${where}`, replacements);
    },
    async ids(table, range) {
      const { where, replacements } = whereOf(range);
      const rows = await select<{ id: number }>(`SELECT id FROM ${table} ${where}`, replacements);
      return rows.map((row) => Number(row.id));
    },
    changedSince(table, after, limit) {
      return select(`SELECT * FROM ${table} WHERE updated_at > :at OR (updated_at = :at AND id > :id) ORDER BY updated_at, id LIMIT :limit`, {
        at: after.at,
        id: after.id,
        limit,
      });
    },
    async idBuckets(table, size) {
      const rows = await select<{ bucket: number; n: number; s: number }>(`SELECT ${bucketOf(size)} AS bucket, COUNT(*) AS n, SUM(id) AS s FROM ${table} GROUP BY ${bucketOf(size)}`);
      return new Map(rows.map((row) => [Number(row.bucket), `${Number(row.n)}:${Number(row.s)}`]));
    },
    async serverNow() {
      return store.dialect === 'mysql' ? new Date(await serverNowMs(store)) : null;
    },
  };
}

export function mirrorFile(local: SqlStore): MirrorFile {
  const db = local.sequelize;
  return {
    ...mirrorTables(local),
    async columns(table) {
      const info = await db.query<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`, { type: QueryTypes.SELECT });
      return info.map((column) => column.name);
    },
    async upsert(table, columns, rows, transaction) {
      if (rows.length === 0) return;
      const records = rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
      // Sequelize's query generator reads these two for an upsert; its typings leave them out.
      const upsertOptions: QueryOptions & { updateOnDuplicate: string[]; upsertKeys: string[] } = {
        transaction,
        updateOnDuplicate: columns.filter((column) => column !== 'id'),
        upsertKeys: ['id'],
      };
      if (columns.includes('updated_at')) {
        // The local file's triggers stamp an UPDATE that leaves updated_at as it was with the time of
        // the update (they stand in for MySQL's ON UPDATE). A server change within the same second as
        // the copy already here keeps its stamp, and the trigger would put the pull's own time there:
        // clearing the stamp first makes the copy's write a change of updated_at, which they leave alone.
        const ids = rows.map((row) => Number(row.id));
        await db.query(`UPDATE ${table} SET updated_at = NULL WHERE id IN (:ids)`, { replacements: { ids }, transaction });
      }
      await db.getQueryInterface().bulkInsert(table, records, upsertOptions);
    },
    async removeIds(table, ids, transaction) {
      for (let start = 0; start < ids.length; start += 500) {
        await db.query(`DELETE FROM ${table} WHERE id IN (:ids)`, { replacements: { ids: ids.slice(start, start + 500) }, transaction });
      }
    },
    async removeFrom(table, base, transaction) {
      const [, result] = await db.query(`DELETE FROM ${table} WHERE id >= :base`, { replacements: { base }, transaction });
      return Number((result as { changes?: number } | undefined)?.changes ?? 0);
    },
    async removeDocument(table, id) {
      await db.query(`DELETE FROM ${table} WHERE id = :id`, { replacements: { id } });
    },
    async readCursor(name) {
      const [row] = await db.query<{ cursor: string | null }>('SELECT cursor_value AS cursor FROM sync_cursors WHERE table_name = :name', {
        type: QueryTypes.SELECT,
        replacements: { name },
      });
      return row?.cursor ? new Date(row.cursor) : null;
    },
    async writeCursor(name, cursor, transaction) {
      await db.query(
        `INSERT INTO sync_cursors (table_name, cursor_value, pulled_at) VALUES (:name, :cursor, :now)
         ON CONFLICT (table_name) DO UPDATE SET cursor_value = excluded.cursor_value, pulled_at = excluded.pulled_at`,
        { replacements: { name, cursor: cursor.toISOString(), now: new Date().toISOString() }, transaction },
      );
    },
  };
}
