/**
 * Indexes for the front desk's patient typeahead (prefix searches on 100k patients):
 * last name then first name, first name then last name, and date of birth. Email and phone
 * already have the seed's indexes. On SQLite the name indexes use NOCASE, the collation the
 * case-insensitive LIKE needs to use an index; MySQL's utf8mb4_unicode_ci is case-insensitive already.
 */
import type { MigrationParams } from './migration';
import { runSqliteDdl } from './migration';

const INDEXES = [
  {
    name: 'idx_patients_last_first',
    mysql: '(last_name, first_name)',
    sqlite: '(last_name COLLATE NOCASE, first_name COLLATE NOCASE)',
  },
  {
    name: 'idx_patients_first_last',
    mysql: '(first_name, last_name)',
    sqlite: '(first_name COLLATE NOCASE, last_name COLLATE NOCASE)',
  },
  { name: 'idx_patients_date_of_birth', mysql: '(date_of_birth)', sqlite: '(date_of_birth)' },
] as const;

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(
      context,
      INDEXES.map((index) => `CREATE INDEX ${index.name} ON patients ${index.sqlite}`),
    );
  }
  // MySQL DDL commits statement by statement: skip an index a failed earlier run already made.
  const existing = new Set(((await context.showIndex('patients')) as { name: string }[]).map((index) => index.name));
  for (const index of INDEXES) {
    if (!existing.has(index.name)) await sequelize.query(`CREATE INDEX ${index.name} ON patients ${index.mysql}`);
  }
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  for (const index of INDEXES) {
    await sequelize.query(
      sequelize.getDialect() === 'mysql' ? `DROP INDEX ${index.name} ON patients` : `DROP INDEX ${index.name}`,
    );
  }
}
