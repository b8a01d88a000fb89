/**
 * patients.allergies: the patient's recorded allergies as JSON text (NULL: never asked). A
 * column on the patient rather than a table of its own: every change bumps the patient's
 * updated_at, so the mirror pull brings it to every workstation with the patient (a doctor offline
 * still sees the allergies), and it is written under the patient's own row.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, ['ALTER TABLE patients ADD COLUMN allergies TEXT']);
  // MySQL DDL commits on its own: a step a failed earlier run already did is skipped.
  const existing = await context.describeTable('patients');
  if (!('allergies' in existing)) await sequelize.query('ALTER TABLE patients ADD COLUMN allergies TEXT NULL');
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('ALTER TABLE patients DROP COLUMN allergies');
}
