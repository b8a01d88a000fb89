/**
 * Indexes for the admin reports, found with EXPLAIN on the generated clinic:
 * - appointments (appointment_date, status, appointment_type, doctor_id, duration_minutes):
 *   the reports read a date range over all doctors; the seed's (doctor_id, date, time) index
 *   cannot serve that, so MariaDB scanned all ~1M rows. This one is covering: an index-only
 *   range scan of the weeks asked for.
 * - patients (created_at): new patients per week.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

const INDEXES = [
  { table: 'appointments', name: 'idx_appointments_report', columns: 'appointment_date, status, appointment_type, doctor_id, duration_minutes' },
  { table: 'patients', name: 'idx_patients_created_at', columns: 'created_at' },
];

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, INDEXES.map((i) => `CREATE INDEX IF NOT EXISTS ${i.name} ON ${i.table} (${i.columns})`));
  }
  // MySQL DDL commits on its own: skip an index a failed earlier run already made.
  for (const index of INDEXES) {
    const [rows] = await sequelize.query(`SHOW INDEX FROM ${index.table} WHERE Key_name = '${index.name}'`);
    if ((rows as unknown[]).length === 0) await sequelize.query(`CREATE INDEX ${index.name} ON ${index.table} (${index.columns})`);
  }
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  for (const index of INDEXES) {
    await sequelize.query(sequelize.getDialect() === 'mysql' ? `DROP INDEX ${index.name} ON ${index.table}` : `DROP INDEX IF EXISTS ${index.name}`);
  }
}
