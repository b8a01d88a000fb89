/**
 * sync_cursors: how far this workstation's mirror has read each server table (the newest
 * updated_at seen). Only the local SQLite file uses it; on the clinic server it stays empty.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [
      `CREATE TABLE sync_cursors (
        table_name VARCHAR(64) PRIMARY KEY NOT NULL,
        cursor_value VARCHAR(40),
        pulled_at DATETIME
      )`,
    ]);
  }
  await createMysqlTables(context, [
    {
      table: 'sync_cursors',
      sql: `CREATE TABLE sync_cursors (
        table_name VARCHAR(64) NOT NULL,
        cursor_value VARCHAR(40) NULL,
        pulled_at TIMESTAMP NULL,
        PRIMARY KEY (table_name)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    },
  ]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('DROP TABLE IF EXISTS sync_cursors');
}
