/**
 * What the scheduling engine adds to the seed schema (the seed's columns stay as they are):
 * - appointments.cancellation_reason and late_cancellation: the cancellation policy;
 * - doctors.buffer_minutes: a per-doctor buffer between appointments (NULL = the clinic's);
 * - booking_requests: idempotency keys, so a double-click or a retried request books once.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

/** MySQL DDL commits statement by statement: each step is skipped when already done, so a run that failed halfway can be retried. */
const MYSQL_COLUMNS = [
  { table: 'appointments', column: 'cancellation_reason', sql: 'ALTER TABLE appointments ADD COLUMN cancellation_reason TEXT NULL' },
  { table: 'appointments', column: 'late_cancellation', sql: 'ALTER TABLE appointments ADD COLUMN late_cancellation BOOLEAN NOT NULL DEFAULT FALSE' },
  { table: 'doctors', column: 'buffer_minutes', sql: 'ALTER TABLE doctors ADD COLUMN buffer_minutes INT NULL CHECK (buffer_minutes IS NULL OR buffer_minutes BETWEEN 0 AND 120)' },
];

const SQLITE_STATEMENTS = [
  `ALTER TABLE appointments ADD COLUMN cancellation_reason TEXT`,
  `ALTER TABLE appointments ADD COLUMN late_cancellation TINYINT(1) NOT NULL DEFAULT 0 CHECK (late_cancellation IN (0, 1))`,
  `ALTER TABLE doctors ADD COLUMN buffer_minutes INT CHECK (buffer_minutes IS NULL OR buffer_minutes BETWEEN 0 AND 120)`,
  `CREATE TABLE booking_requests (
    idempotency_key VARCHAR(64) PRIMARY KEY NOT NULL CHECK (length(idempotency_key) <= 64),
    appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`,
  `CREATE INDEX idx_booking_requests_appointment ON booking_requests (appointment_id)`,
];

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  for (const step of MYSQL_COLUMNS) {
    const columns = await context.describeTable(step.table);
    if (!(step.column in columns)) await sequelize.query(step.sql);
  }
  await createMysqlTables(context, [
    {
      table: 'booking_requests',
      sql: `CREATE TABLE booking_requests (
        idempotency_key VARCHAR(64) NOT NULL,
        appointment_id INT NOT NULL,
        created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (idempotency_key),
        KEY idx_booking_requests_appointment (appointment_id),
        CONSTRAINT fk_booking_requests_appointment FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    },
  ]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  await sequelize.query('DROP TABLE IF EXISTS booking_requests');
  await sequelize.query('ALTER TABLE appointments DROP COLUMN late_cancellation');
  await sequelize.query('ALTER TABLE appointments DROP COLUMN cancellation_reason');
  await sequelize.query('ALTER TABLE doctors DROP COLUMN buffer_minutes');
}
