/**
 * offline_verifiers: the password verifier of each account that signed in on this workstation
 * while the clinic server was reachable, so that it can sign in here while the server is away.
 * The hash is the server's own string (same scrypt parameters), never a weaker copy. Only the
 * local SQLite file of a networked workstation uses it; on the clinic server it stays empty.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [
      `CREATE TABLE offline_verifiers (
        account_kind VARCHAR(16) NOT NULL CHECK (account_kind IN ('staff', 'doctor')),
        account_id INTEGER NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        cached_at DATETIME NOT NULL,
        PRIMARY KEY (account_kind, account_id)
      )`,
    ]);
  }
  await createMysqlTables(context, [
    {
      table: 'offline_verifiers',
      sql: `CREATE TABLE offline_verifiers (
        account_kind VARCHAR(16) NOT NULL,
        account_id INT NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        cached_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (account_kind, account_id),
        CONSTRAINT chk_offline_verifiers_kind CHECK (account_kind IN ('staff', 'doctor'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    },
  ]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('DROP TABLE IF EXISTS offline_verifiers');
}
