/**
 * - sync_outbox: changes made on this workstation while the clinic server was away, in the
 *   order they were made, with what they returned locally and what became of them on replay
 *   (applied, a conflict waiting for staff, or resolved). Used in the local SQLite file only.
 * - sync_applied_writes: on the clinic server, the outbox keys already applied and what they
 *   returned, so a replay repeated after a lost reply is recognised instead of applied twice.
 * Created on both dialects, so every store has the same schema.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [
      `CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        write_key CHAR(36) NOT NULL UNIQUE,
        channel VARCHAR(80) NOT NULL,
        input TEXT NOT NULL,
        actor TEXT NOT NULL,
        local_output TEXT,
        summary TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'conflict', 'resolved')),
        conflict_code VARCHAR(40),
        conflict_reason TEXT,
        server_output TEXT,
        resolution VARCHAR(20),
        resolved_by VARCHAR(120),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at DATETIME NOT NULL,
        settled_at DATETIME
      )`,
      `CREATE INDEX idx_sync_outbox_state ON sync_outbox (state, seq)`,
      `CREATE TABLE sync_applied_writes (
        write_key CHAR(36) PRIMARY KEY NOT NULL,
        channel VARCHAR(80) NOT NULL,
        output TEXT,
        applied_at DATETIME NOT NULL
      )`,
    ]);
  }
  const suffix = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
  await createMysqlTables(context, [
    {
      table: 'sync_outbox',
      sql: `CREATE TABLE sync_outbox (
        seq BIGINT NOT NULL AUTO_INCREMENT,
        write_key CHAR(36) NOT NULL,
        channel VARCHAR(80) NOT NULL,
        input MEDIUMTEXT NOT NULL,
        actor TEXT NOT NULL,
        local_output MEDIUMTEXT NULL,
        summary TEXT NULL,
        state ENUM('pending', 'applied', 'conflict', 'resolved') NOT NULL DEFAULT 'pending',
        conflict_code VARCHAR(40) NULL,
        conflict_reason TEXT NULL,
        server_output MEDIUMTEXT NULL,
        resolution VARCHAR(20) NULL,
        resolved_by VARCHAR(120) NULL,
        attempts INT NOT NULL DEFAULT 0,
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        settled_at TIMESTAMP NULL,
        PRIMARY KEY (seq), UNIQUE KEY uq_sync_outbox_key (write_key), KEY idx_sync_outbox_state (state, seq)
      ) ${suffix}`,
    },
    {
      table: 'sync_applied_writes',
      sql: `CREATE TABLE sync_applied_writes (
        write_key CHAR(36) NOT NULL,
        channel VARCHAR(80) NOT NULL,
        output MEDIUMTEXT NULL,
        applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (write_key)
      ) ${suffix}`,
    },
  ]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('DROP TABLE IF EXISTS sync_applied_writes');
  await context.sequelize.query('DROP TABLE IF EXISTS sync_outbox');
}
