/**
 * appointments.checked_in_at: when the patient was recorded as arrived (front desk or kiosk).
 * NULL until then; the flow board derives "waiting" and "late" from it and the start time.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [`ALTER TABLE appointments ADD COLUMN checked_in_at DATETIME`]);
  }
  // MySQL DDL commits on its own: skip the step when a failed earlier run already did it.
  const columns = await context.describeTable('appointments');
  if (!('checked_in_at' in columns)) await sequelize.query('ALTER TABLE appointments ADD COLUMN checked_in_at TIMESTAMP NULL DEFAULT NULL');
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('ALTER TABLE appointments DROP COLUMN checked_in_at');
}
