/**
 * The visit after the arrival, beside the seed's five-value status: appointments.in_room_at,
 * with_doctor_at and checked_out_at (when the patient was shown to a room, when the doctor
 * started, when they left the desk), and walk_in (booked for someone who came in without an
 * appointment). Columns on the appointment rather than a table of steps: every change bumps
 * updated_at, so the mirror pull, the change feed's checksum and the outbox see a step exactly as
 * they see an arrival, and a step is written under the appointment's own row lock.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

const COLUMNS = ['in_room_at', 'with_doctor_at', 'checked_out_at'] as const;

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [
      ...COLUMNS.map((column) => `ALTER TABLE appointments ADD COLUMN ${column} DATETIME`),
      `ALTER TABLE appointments ADD COLUMN walk_in TINYINT(1) NOT NULL DEFAULT 0`,
    ]);
  }
  // MySQL DDL commits on its own: a step a failed earlier run already did is skipped.
  const existing = await context.describeTable('appointments');
  for (const column of COLUMNS) {
    if (!(column in existing)) await sequelize.query(`ALTER TABLE appointments ADD COLUMN ${column} TIMESTAMP NULL DEFAULT NULL`);
  }
  if (!('walk_in' in existing)) await sequelize.query('ALTER TABLE appointments ADD COLUMN walk_in TINYINT(1) NOT NULL DEFAULT 0');
}

export async function down({ context }: MigrationParams): Promise<void> {
  for (const column of [...COLUMNS, 'walk_in']) await context.sequelize.query(`ALTER TABLE appointments DROP COLUMN ${column}`);
}
