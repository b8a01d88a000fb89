/**
 * Recurring appointments: a series row holds the repeat rule; each booked visit is an ordinary
 * appointment pointing at it (appointments.series_id), so every rule, query and status change
 * that works on appointments works on a series' visits unchanged.
 * - patient CASCADE (the patient's appointments go too), doctor RESTRICT, as appointments;
 * - appointments.series_id SET NULL: removing a series keeps its visits as single appointments;
 * - idempotency_key: a retried "book series" returns the first series instead of a second one;
 * - exactly one of occurrence_count and until_date says where the series ends.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const MYSQL_SERIES_TABLE = `CREATE TABLE appointment_series (
  id INT NOT NULL AUTO_INCREMENT,
  patient_id INT NOT NULL,
  doctor_id INT NOT NULL,
  first_date DATE NOT NULL,
  start_time TIME NOT NULL,
  duration_minutes INT NOT NULL,
  interval_weeks INT NOT NULL,
  occurrence_count INT NULL,
  until_date DATE NULL,
  idempotency_key VARCHAR(64) NULL,
  created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_appointment_series_idempotency_key (idempotency_key),
  KEY idx_appointment_series_patient (patient_id),
  KEY idx_appointment_series_doctor (doctor_id),
  CONSTRAINT fk_appointment_series_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
  CONSTRAINT fk_appointment_series_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT,
  CONSTRAINT ck_appointment_series_interval CHECK (interval_weeks BETWEEN 1 AND 12),
  CONSTRAINT ck_appointment_series_count CHECK (occurrence_count IS NULL OR occurrence_count BETWEEN 2 AND 52),
  CONSTRAINT ck_appointment_series_end CHECK ((occurrence_count IS NULL) <> (until_date IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

const SQLITE_STATEMENTS = [
  `CREATE TABLE appointment_series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INT NOT NULL,
    doctor_id INT NOT NULL,
    first_date DATE NOT NULL CHECK (first_date = date(first_date)),
    start_time TIME NOT NULL CHECK (start_time = time(start_time)),
    duration_minutes INT NOT NULL,
    interval_weeks INT NOT NULL CHECK (interval_weeks BETWEEN 1 AND 12),
    occurrence_count INT CHECK (occurrence_count IS NULL OR occurrence_count BETWEEN 2 AND 52),
    until_date DATE CHECK (until_date = date(until_date)),
    idempotency_key VARCHAR(64) CHECK (length(idempotency_key) <= 64),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    CHECK ((occurrence_count IS NULL) <> (until_date IS NULL)),
    CONSTRAINT fk_appointment_series_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT fk_appointment_series_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT
  )`,
  `CREATE UNIQUE INDEX uq_appointment_series_idempotency_key ON appointment_series (idempotency_key)`,
  `CREATE INDEX idx_appointment_series_patient ON appointment_series (patient_id)`,
  `CREATE INDEX idx_appointment_series_doctor ON appointment_series (doctor_id)`,
  // SQLite may add a column with a REFERENCES clause as long as its default is NULL.
  `ALTER TABLE appointments ADD COLUMN series_id INTEGER REFERENCES appointment_series (id) ON DELETE SET NULL`,
  `CREATE INDEX idx_appointments_series ON appointments (series_id)`,
];

async function hasColumn(context: MigrationParams['context'], table: string, column: string): Promise<boolean> {
  return column in (await context.describeTable(table));
}

export async function up({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  // MySQL DDL commits statement by statement: each step is skipped when a failed run already did it.
  if (!(await context.tableExists('appointment_series'))) {
    await createMysqlTables(context, [{ table: 'appointment_series', sql: MYSQL_SERIES_TABLE }]);
  }
  if (!(await hasColumn(context, 'appointments', 'series_id'))) {
    await sequelize.query(
      `ALTER TABLE appointments
         ADD COLUMN series_id INT NULL,
         ADD KEY idx_appointments_series (series_id),
         ADD CONSTRAINT fk_appointments_series FOREIGN KEY (series_id) REFERENCES appointment_series (id) ON DELETE SET NULL`,
    );
  }
}

export async function down({ context }: MigrationParams): Promise<void> {
  const { sequelize } = context;
  if (sequelize.getDialect() === 'mysql') {
    await sequelize.query('ALTER TABLE appointments DROP FOREIGN KEY fk_appointments_series');
    await sequelize.query('ALTER TABLE appointments DROP INDEX idx_appointments_series');
  } else {
    await sequelize.query('DROP INDEX IF EXISTS idx_appointments_series');
  }
  await sequelize.query('ALTER TABLE appointments DROP COLUMN series_id');
  await sequelize.query('DROP TABLE IF EXISTS appointment_series');
}
