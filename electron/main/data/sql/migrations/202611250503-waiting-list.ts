/**
 * waiting_list: patients who want an earlier slot, with one doctor or any doctor of a
 * specialization, inside a window of dates and of times of day, with a priority (1 = most
 * urgent). When a slot opens the front desk is offered the matching entries in priority, then
 * waiting (created_at), order; booking one sets status Booked and appointment_id.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const MYSQL_TABLE = `CREATE TABLE waiting_list (
  id INT NOT NULL AUTO_INCREMENT,
  patient_id INT NOT NULL,
  doctor_id INT NULL,
  specialization VARCHAR(100) NULL,
  from_date DATE NOT NULL,
  to_date DATE NOT NULL,
  earliest_time TIME NOT NULL,
  latest_time TIME NOT NULL,
  duration_minutes INT NOT NULL,
  appointment_type ENUM('Consultation', 'Follow-up', 'Emergency', 'Check-up') NOT NULL DEFAULT 'Consultation',
  priority INT NOT NULL DEFAULT 3,
  notes TEXT NULL,
  status ENUM('Waiting', 'Booked', 'Removed') NOT NULL DEFAULT 'Waiting',
  appointment_id INT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  resolved_at TIMESTAMP NULL DEFAULT NULL,
  PRIMARY KEY (id),
  KEY idx_waiting_list_status_order (status, priority, created_at),
  KEY idx_waiting_list_patient (patient_id),
  CONSTRAINT fk_waiting_list_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
  CONSTRAINT fk_waiting_list_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE,
  CONSTRAINT fk_waiting_list_appointment FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE SET NULL,
  CONSTRAINT ck_waiting_list_target CHECK (doctor_id IS NOT NULL OR specialization IS NOT NULL),
  CONSTRAINT ck_waiting_list_dates CHECK (from_date <= to_date),
  CONSTRAINT ck_waiting_list_times CHECK (earliest_time < latest_time),
  CONSTRAINT ck_waiting_list_priority CHECK (priority BETWEEN 1 AND 3),
  CONSTRAINT ck_waiting_list_duration CHECK (duration_minutes BETWEEN 5 AND 480)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

const SQLITE_STATEMENTS = [
  `CREATE TABLE waiting_list (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    doctor_id INT REFERENCES doctors (id) ON DELETE CASCADE,
    specialization VARCHAR(100) CHECK (length(specialization) <= 100),
    from_date DATE NOT NULL CHECK (from_date = date(from_date)),
    to_date DATE NOT NULL CHECK (to_date = date(to_date)),
    earliest_time TIME NOT NULL CHECK (earliest_time = time(earliest_time)),
    latest_time TIME NOT NULL CHECK (latest_time = time(latest_time)),
    duration_minutes INT NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    appointment_type TEXT NOT NULL DEFAULT 'Consultation' CHECK (appointment_type IN ('Consultation', 'Follow-up', 'Emergency', 'Check-up')),
    priority INT NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 3),
    notes TEXT,
    status TEXT NOT NULL DEFAULT 'Waiting' CHECK (status IN ('Waiting', 'Booked', 'Removed')),
    appointment_id INT REFERENCES appointments (id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    resolved_at DATETIME,
    CHECK (doctor_id IS NOT NULL OR specialization IS NOT NULL),
    CHECK (from_date <= to_date),
    CHECK (earliest_time < latest_time)
  )`,
  `CREATE INDEX idx_waiting_list_status_order ON waiting_list (status, priority, created_at)`,
  `CREATE INDEX idx_waiting_list_patient ON waiting_list (patient_id)`,
];

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  if (!(await context.tableExists('waiting_list')))
    await createMysqlTables(context, [{ table: 'waiting_list', sql: MYSQL_TABLE }]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('DROP TABLE waiting_list');
}
