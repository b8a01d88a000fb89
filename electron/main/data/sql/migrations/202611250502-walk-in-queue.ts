/**
 * walk_in_queue: patients who came in without an appointment and wait for the soonest slot
 * (with any doctor, a specialization or one doctor). The front desk books them from the queue
 * (status Booked, appointment_id set) or removes them (Removed); arrived_at orders the queue.
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl } from './migration';

const MYSQL_TABLE = `CREATE TABLE walk_in_queue (
  id INT NOT NULL AUTO_INCREMENT,
  patient_id INT NOT NULL,
  doctor_id INT NULL,
  specialization VARCHAR(100) NULL,
  duration_minutes INT NOT NULL,
  appointment_type ENUM('Consultation', 'Follow-up', 'Emergency', 'Check-up') NOT NULL DEFAULT 'Consultation',
  notes TEXT NULL,
  arrived_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  status ENUM('Waiting', 'Booked', 'Removed') NOT NULL DEFAULT 'Waiting',
  appointment_id INT NULL,
  resolved_at TIMESTAMP NULL DEFAULT NULL,
  PRIMARY KEY (id),
  KEY idx_walk_in_queue_status_arrived (status, arrived_at),
  KEY idx_walk_in_queue_patient (patient_id),
  CONSTRAINT fk_walk_in_queue_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
  CONSTRAINT fk_walk_in_queue_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE SET NULL,
  CONSTRAINT fk_walk_in_queue_appointment FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE SET NULL,
  CONSTRAINT ck_walk_in_queue_duration CHECK (duration_minutes BETWEEN 5 AND 480)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

const SQLITE_STATEMENTS = [
  `CREATE TABLE walk_in_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    doctor_id INT REFERENCES doctors (id) ON DELETE SET NULL,
    specialization VARCHAR(100) CHECK (length(specialization) <= 100),
    duration_minutes INT NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    appointment_type TEXT NOT NULL DEFAULT 'Consultation' CHECK (appointment_type IN ('Consultation', 'Follow-up', 'Emergency', 'Check-up')),
    notes TEXT,
    arrived_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    status TEXT NOT NULL DEFAULT 'Waiting' CHECK (status IN ('Waiting', 'Booked', 'Removed')),
    appointment_id INT REFERENCES appointments (id) ON DELETE SET NULL,
    resolved_at DATETIME
  )`,
  `CREATE INDEX idx_walk_in_queue_status_arrived ON walk_in_queue (status, arrived_at)`,
  `CREATE INDEX idx_walk_in_queue_patient ON walk_in_queue (patient_id)`,
];

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() !== 'mysql') return runSqliteDdl(context, SQLITE_STATEMENTS);
  if (!(await context.tableExists('walk_in_queue')))
    await createMysqlTables(context, [{ table: 'walk_in_queue', sql: MYSQL_TABLE }]);
}

export async function down({ context }: MigrationParams): Promise<void> {
  await context.sequelize.query('DROP TABLE walk_in_queue');
}
