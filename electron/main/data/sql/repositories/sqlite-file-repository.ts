import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** Whole-file statements on a SQLite store: backups and what a restore carries over. */
export interface SqliteFileRepository {
  /** A consistent copy of the live file (SQLite's online snapshot: one read transaction). */
  vacuumInto(file: string): Promise<void>;
  /** Adds the system audit rows of another store file that this one lacks (by named columns). */
  copyMissingAuditRowsFrom(file: string): Promise<void>;
}

export function sqliteFileRepository(store: SqlStore): SqliteFileRepository {
  const { sequelize } = store;
  return {
    async vacuumInto(file) {
      await sequelize.query('VACUUM INTO :file', { replacements: { file }, type: QueryTypes.RAW });
    },

    async copyMissingAuditRowsFrom(file) {
      await sequelize.query('ATTACH DATABASE :file AS previous', { replacements: { file }, type: QueryTypes.RAW });
      try {
        // Named columns: a backup from an older version may have laid the table out differently.
        const columns = await sequelize.query<{ name: string }>("SELECT name FROM pragma_table_info('doc_system_audit_logs')", { type: QueryTypes.SELECT });
        const list = columns.map((column) => `"${column.name}"`).join(', ');
        await sequelize.query(`INSERT OR IGNORE INTO main.doc_system_audit_logs (${list}) SELECT ${list} FROM previous.doc_system_audit_logs`, { type: QueryTypes.RAW });
      } finally {
        await sequelize.query('DETACH DATABASE previous', { type: QueryTypes.RAW });
      }
    },
  };
}
