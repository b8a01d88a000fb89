/**
 * What reminders and notices add:
 * - message_claims: one row per message the clinic means to send (appointment, kind, method and
 *   the appointment's state: its date and time for a reminder). The UNIQUE claim_key makes the
 *   insert the claim: of several workstations running the job at once exactly one inserts, and
 *   only that one sends. Attempts, the next attempt time (epoch minutes) and the last error keep
 *   the retry schedule in the shared database, so any workstation can continue it.
 * - message_cursor: how far the notice scan has looked at changed appointments (epoch ms). Set to
 *   the time of this migration on the database's clock (the clock the rows' stamps come from, not
 *   the clock of whichever workstation migrates): notices go out for changes made after the
 *   feature arrived, not for the clinic's whole history.
 * - patients.email_opt_out: the patient asked not to receive email.
 * - local_secrets: this workstation's sealed secrets (the SMTP password, sealed with safeStorage);
 *   used in the workstation's own SQLite file only, created everywhere so every store has the
 *   same schema.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const DATABASE_NOW_MS = {
  sqlite: "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)",
  mysql: 'CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)',
} as const;
const cursorRow = (dialect: keyof typeof DATABASE_NOW_MS) =>
  `INSERT INTO message_cursor (name, scanned_to_ms) VALUES ('notices', ${DATABASE_NOW_MS[dialect]})`;

const SQLITE_STATEMENTS = () => [
  `CREATE TABLE message_claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_key VARCHAR(191) NOT NULL UNIQUE,
    appointment_id INTEGER REFERENCES appointments (id) ON DELETE CASCADE,
    kind VARCHAR(40) NOT NULL,
    method VARCHAR(10) NOT NULL,
    appointment_state VARCHAR(100) NOT NULL,
    state VARCHAR(12) NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_min BIGINT,
    lease_until_min BIGINT,
    claimed_by VARCHAR(100),
    last_error TEXT,
    message_id VARCHAR(500),
    log_id VARCHAR(24),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`,
  `CREATE INDEX idx_message_claims_due ON message_claims (state, next_attempt_min)`,
  `CREATE INDEX idx_message_claims_appointment ON message_claims (appointment_id, kind)`,
  `CREATE TABLE message_cursor (name VARCHAR(40) PRIMARY KEY NOT NULL, scanned_to_ms BIGINT NOT NULL)`,
  cursorRow('sqlite'),
  `ALTER TABLE patients ADD COLUMN email_opt_out BOOLEAN NOT NULL DEFAULT 0`,
  `CREATE TABLE local_secrets (secret_key VARCHAR(100) PRIMARY KEY NOT NULL, sealed TEXT NOT NULL, updated_at DATETIME DEFAULT CURRENT_TIMESTAMP)`,
];

const suffix = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS());
  // MySQL DDL commits statement by statement: each step is skipped when a failed run already did it.
  if (!(await context.tableExists('message_claims'))) {
    await createMysqlTables(context, [
      {
        table: 'message_claims',
        sql: `CREATE TABLE message_claims (
          id INT NOT NULL AUTO_INCREMENT,
          claim_key VARCHAR(191) NOT NULL,
          appointment_id INT NULL,
          kind VARCHAR(40) NOT NULL,
          method VARCHAR(10) NOT NULL,
          appointment_state VARCHAR(100) NOT NULL,
          state VARCHAR(12) NOT NULL,
          attempts INT NOT NULL DEFAULT 0,
          next_attempt_min BIGINT NULL,
          lease_until_min BIGINT NULL,
          claimed_by VARCHAR(100) NULL,
          last_error TEXT NULL,
          message_id VARCHAR(500) NULL,
          log_id VARCHAR(24) NULL,
          created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
          updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
          PRIMARY KEY (id),
          UNIQUE KEY uq_message_claims_key (claim_key),
          KEY idx_message_claims_due (state, next_attempt_min),
          KEY idx_message_claims_appointment (appointment_id, kind),
          CONSTRAINT fk_message_claims_appointment FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
        ) ${suffix}`,
      },
    ]);
  }
  if (!(await context.tableExists('message_cursor'))) {
    await createMysqlTables(context, [
      { table: 'message_cursor', sql: `CREATE TABLE message_cursor (name VARCHAR(40) NOT NULL, scanned_to_ms BIGINT NOT NULL, PRIMARY KEY (name)) ${suffix}` },
    ]);
    await sequelize.query(cursorRow('mysql'));
  }
  if (!('email_opt_out' in (await context.describeTable('patients')))) {
    await sequelize.query('ALTER TABLE patients ADD COLUMN email_opt_out BOOLEAN NOT NULL DEFAULT FALSE');
  }
  if (!(await context.tableExists('local_secrets'))) {
    await createMysqlTables(context, [
      {
        table: 'local_secrets',
        sql: `CREATE TABLE local_secrets (secret_key VARCHAR(100) NOT NULL, sealed TEXT NOT NULL, updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (secret_key)) ${suffix}`,
      },
    ]);
  }
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  for (const table of ['local_secrets', 'message_cursor', 'message_claims']) await sequelize.query(`DROP TABLE IF EXISTS ${table}`);
  await sequelize.query('ALTER TABLE patients DROP COLUMN email_opt_out');
}
