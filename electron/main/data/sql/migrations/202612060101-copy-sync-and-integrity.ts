/**
 * What keeping the two stores consistent adds:
 * - copy_sync_claims: one row per change of a person whose name documents copy (patient or
 *   doctor, the row's updated_at and the copied values). The UNIQUE claim_key makes the insert
 *   the claim, as message_claims does for messages: of several workstations that see the same
 *   rename, exactly one rewrites the copies. `running` carries a lease, so a workstation that
 *   dies half-way is taken over; `done` records how many documents were written.
 * - copy_sync_cursors: how far the scheduled pass has read patients and doctors by
 *   (updated_at, id), shared by every workstation of the clinic.
 * - integrity_flags: documents an admin flagged for review from the Data health screen (an
 *   orphan has no safe automatic repair). One flag per document and kind of fault.
 * - integrity_runs: one row per night the scheduled integrity check ran (the date in the
 *   clinic's zone is the key: the workstation whose insert wins runs it), with the counts found.
 * - patients and doctors indexed by (updated_at, id): the pass reads what changed since its
 *   cursor without scanning every patient.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const suffix = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') {
    return runSqliteDdl(context, [
      `CREATE TABLE copy_sync_claims (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_key VARCHAR(191) NOT NULL UNIQUE,
        entity VARCHAR(10) NOT NULL,
        entity_id INTEGER NOT NULL,
        state VARCHAR(10) NOT NULL,
        lease_until_ms BIGINT NOT NULL,
        claimed_by VARCHAR(100),
        documents_written INTEGER NOT NULL DEFAULT 0,
        created_at DATETIME DEFAULT CURRENT_TIMESTAMP
      )`,
      `CREATE INDEX idx_copy_sync_claims_state ON copy_sync_claims (state, lease_until_ms)`,
      `CREATE TABLE copy_sync_cursors (entity VARCHAR(20) PRIMARY KEY NOT NULL, cursor_ms BIGINT NOT NULL, cursor_id INTEGER NOT NULL)`,
      `CREATE TABLE integrity_flags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        collection_name VARCHAR(40) NOT NULL,
        document_id VARCHAR(24) NOT NULL,
        kind VARCHAR(40) NOT NULL,
        flagged_by INTEGER,
        flagged_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        UNIQUE (collection_name, document_id, kind)
      )`,
      `CREATE TABLE integrity_runs (
        run_date VARCHAR(10) PRIMARY KEY NOT NULL,
        claimed_by VARCHAR(100),
        started_at DATETIME DEFAULT CURRENT_TIMESTAMP,
        finished_at DATETIME,
        summary TEXT
      )`,
      `CREATE INDEX idx_patients_updated ON patients (updated_at, id)`,
      `CREATE INDEX idx_doctors_updated ON doctors (updated_at, id)`,
    ]);
  }
  // MySQL DDL commits statement by statement: a step a failed run already did is skipped.
  if (!(await context.tableExists('copy_sync_claims'))) await createMysqlTables(context, [
    {
      table: 'copy_sync_claims',
      sql: `CREATE TABLE copy_sync_claims (
        id INT NOT NULL AUTO_INCREMENT,
        claim_key VARCHAR(191) NOT NULL,
        entity VARCHAR(10) NOT NULL,
        entity_id INT NOT NULL,
        state VARCHAR(10) NOT NULL,
        lease_until_ms BIGINT NOT NULL,
        claimed_by VARCHAR(100) NULL,
        documents_written INT NOT NULL DEFAULT 0,
        created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (id),
        UNIQUE KEY uq_copy_sync_claims_key (claim_key),
        KEY idx_copy_sync_claims_state (state, lease_until_ms)
      ) ${suffix}`,
    },
    {
      table: 'copy_sync_cursors',
      sql: `CREATE TABLE copy_sync_cursors (
        entity VARCHAR(20) NOT NULL,
        cursor_ms BIGINT NOT NULL,
        cursor_id INT NOT NULL,
        PRIMARY KEY (entity)
      ) ${suffix}`,
    },
    {
      table: 'integrity_flags',
      sql: `CREATE TABLE integrity_flags (
        id INT NOT NULL AUTO_INCREMENT,
        collection_name VARCHAR(40) NOT NULL,
        document_id VARCHAR(24) NOT NULL,
        kind VARCHAR(40) NOT NULL,
        flagged_by INT NULL,
        flagged_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (id),
        UNIQUE KEY uq_integrity_flags (collection_name, document_id, kind)
      ) ${suffix}`,
    },
    {
      table: 'integrity_runs',
      sql: `CREATE TABLE integrity_runs (
        run_date VARCHAR(10) NOT NULL,
        claimed_by VARCHAR(100) NULL,
        started_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        finished_at TIMESTAMP NULL,
        summary TEXT NULL,
        PRIMARY KEY (run_date)
      ) ${suffix}`,
    },
  ]);
  for (const table of ['patients', 'doctors']) {
    const [existing] = await context.sequelize.query(`SHOW INDEX FROM ${table} WHERE Key_name = 'idx_${table}_updated'`);
    if ((existing as unknown[]).length === 0) await context.sequelize.query(`CREATE INDEX idx_${table}_updated ON ${table} (updated_at, id)`);
  }
}

export async function down({ context }: MigrationParams): Promise<void> {
  const mysql = context.sequelize.getDialect() === 'mysql';
  for (const table of ['patients', 'doctors']) {
    await context.sequelize.query(mysql ? `DROP INDEX idx_${table}_updated ON ${table}` : `DROP INDEX IF EXISTS idx_${table}_updated`);
  }
  for (const table of ['integrity_runs', 'integrity_flags', 'copy_sync_cursors', 'copy_sync_claims']) {
    await context.sequelize.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
