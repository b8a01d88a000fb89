/**
 * Prescription signing keys (doctor workstation):
 * - doctor_signing_keys: the PUBLIC half of each doctor's Ed25519 keys, by key id, in the shared
 *   database so every workstation can verify every signature (a doctor signing on two
 *   workstations has two keys; an old key stays to verify what it signed);
 * - doctor_signing_secrets: the PRIVATE half, sealed (safeStorage or a key derived from the
 *   doctor's password), used in the workstation's own local store only; created everywhere so
 *   every store has the same schema. No foreign key: in networked mode the local store need not
 *   hold the doctor's row.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const SQLITE_STATEMENTS = [
  `CREATE TABLE doctor_signing_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id INTEGER NOT NULL REFERENCES doctors(id) ON DELETE CASCADE,
    key_id VARCHAR(64) NOT NULL UNIQUE CHECK (length(key_id) <= 64),
    algorithm VARCHAR(20) NOT NULL DEFAULT 'Ed25519',
    public_key TEXT NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    retired_at DATETIME
  )`,
  `CREATE INDEX idx_doctor_signing_keys_doctor ON doctor_signing_keys (doctor_id)`,
  `CREATE TABLE doctor_signing_secrets (
    key_id VARCHAR(64) PRIMARY KEY NOT NULL CHECK (length(key_id) <= 64),
    doctor_id INTEGER NOT NULL,
    protection VARCHAR(20) NOT NULL CHECK (protection IN ('safe-storage', 'password')),
    sealed_private_key TEXT NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`,
  `CREATE INDEX idx_doctor_signing_secrets_doctor ON doctor_signing_secrets (doctor_id)`,
];

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  const suffix = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
  await createMysqlTables(context, [
    {
      table: 'doctor_signing_keys',
      sql: `CREATE TABLE doctor_signing_keys (
        id INT NOT NULL AUTO_INCREMENT,
        doctor_id INT NOT NULL,
        key_id VARCHAR(64) NOT NULL,
        algorithm VARCHAR(20) NOT NULL DEFAULT 'Ed25519',
        public_key TEXT NOT NULL,
        created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        retired_at TIMESTAMP NULL DEFAULT NULL,
        PRIMARY KEY (id), UNIQUE KEY uq_doctor_signing_keys_key (key_id), KEY idx_doctor_signing_keys_doctor (doctor_id),
        CONSTRAINT fk_doctor_signing_keys_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE
      ) ${suffix}`,
    },
    {
      table: 'doctor_signing_secrets',
      sql: `CREATE TABLE doctor_signing_secrets (
        key_id VARCHAR(64) NOT NULL,
        doctor_id INT NOT NULL,
        protection ENUM('safe-storage', 'password') NOT NULL,
        sealed_private_key TEXT NOT NULL,
        created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (key_id), KEY idx_doctor_signing_secrets_doctor (doctor_id)
      ) ${suffix}`,
    },
  ]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  for (const table of ['doctor_signing_secrets', 'doctor_signing_keys']) await context.sequelize.query(`DROP TABLE IF EXISTS ${table}`);
}
