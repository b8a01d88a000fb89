/**
 * appointments(appointment_date, status): the calendar's month counts and the live-update
 * fingerprints read every appointment of a range of dates for ALL doctors. The seed's indexes
 * lead with doctor_id or patient_id, so without this one those reads scan the whole table.
 * With status in the index the per-day counts by status are answered from the index alone.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

const INDEX = 'idx_appointments_date_status';

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [`CREATE INDEX ${INDEX} ON appointments (appointment_date, status)`]);
  }
  // MySQL DDL commits on its own: skip the step when a failed earlier run already did it.
  const [rows] = await sequelize.query(`SHOW INDEX FROM appointments WHERE Key_name = '${INDEX}'`);
  if ((rows as unknown[]).length === 0)
    await sequelize.query(`CREATE INDEX ${INDEX} ON appointments (appointment_date, status)`);
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  await sequelize.query(
    sequelize.getDialect() === 'mysql' ? `DROP INDEX ${INDEX} ON appointments` : `DROP INDEX ${INDEX}`,
  );
}
