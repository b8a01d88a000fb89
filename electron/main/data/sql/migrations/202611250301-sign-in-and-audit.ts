/**
 * What sign-in and the audit trail add to the seed schema (the seed's columns stay as they are):
 * - staff_role_levels: names the values of admin.role_level, adding 0 = Front desk below the
 *   seed's 1 = Admin and 2 = Super Admin (higher means more rights);
 * - login_failures: failed sign-ins per account, in the shared database so that a lockout holds
 *   across restarts and across workstations;
 * - audit_outbox: audit records waiting for the document store (used in the local store only,
 *   created everywhere so every store has the same schema).
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const ROLE_LEVEL_ROWS = `INSERT INTO staff_role_levels (level, name, description) VALUES
  (0, 'Front desk', 'Reception: calendar, patients, today''s flow'),
  (1, 'Admin', 'Clinic settings, doctors and their schedules, reports'),
  (2, 'Super Admin', 'Everything, plus staff accounts and the audit trail')`;

const SQLITE_STATEMENTS = [
  `CREATE TABLE staff_role_levels (
    level INTEGER PRIMARY KEY NOT NULL,
    name VARCHAR(50) NOT NULL UNIQUE CHECK (length(name) <= 50),
    description TEXT
  )`,
  ROLE_LEVEL_ROWS,
  `CREATE TABLE login_failures (
    account_key VARCHAR(120) PRIMARY KEY NOT NULL CHECK (length(account_key) <= 120),
    failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    last_failed_at DATETIME,
    locked_until DATETIME
  )`,
  `CREATE TABLE audit_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id CHAR(36) NOT NULL UNIQUE,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`,
];

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  const suffix = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
  await createMysqlTables(context, [
    {
      table: 'staff_role_levels',
      sql: `CREATE TABLE staff_role_levels (
        level INT NOT NULL, name VARCHAR(50) NOT NULL, description TEXT NULL,
        PRIMARY KEY (level), UNIQUE KEY uq_staff_role_levels_name (name)
      ) ${suffix}`,
    },
    {
      table: 'login_failures',
      sql: `CREATE TABLE login_failures (
        account_key VARCHAR(120) NOT NULL,
        failed_count INT NOT NULL DEFAULT 0,
        last_failed_at TIMESTAMP NULL DEFAULT NULL,
        locked_until TIMESTAMP NULL DEFAULT NULL,
        PRIMARY KEY (account_key)
      ) ${suffix}`,
    },
    {
      table: 'audit_outbox',
      sql: `CREATE TABLE audit_outbox (
        seq BIGINT NOT NULL AUTO_INCREMENT,
        event_id CHAR(36) NOT NULL,
        body MEDIUMTEXT NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (seq), UNIQUE KEY uq_audit_outbox_event (event_id)
      ) ${suffix}`,
    },
  ]);
  await sequelize.query(ROLE_LEVEL_ROWS);
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  for (const table of ['audit_outbox', 'login_failures', 'staff_role_levels']) await sequelize.query(`DROP TABLE IF EXISTS ${table}`);
}
