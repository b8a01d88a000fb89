/**
 * The seven tables of the clinic's schema design (shared/seed, "MySQL Database Design"), column
 * for column. Landed: never edit this file; change the schema with a new migration.
 *
 * Written as SQL per dialect because Sequelize's createTable cannot say TIMESTAMP ... ON UPDATE
 * CURRENT_TIMESTAMP on MySQL, and on SQLite turns ENUM into a bare TEXT that accepts anything.
 *
 * Nullability follows the seed: only the columns it marks Not Null are NOT NULL; columns with a
 * default but no Not Null (status, is_active, created_at, ...) stay nullable. The models refuse
 * NULL for those, so the app never writes one.
 *
 * The seed's index on patients(email) and doctors(email) is the unique key on that column (a
 * second, plain index on the same column would only slow writes down).
 */
import type { MigrationParams } from './migration';
import { createMysqlTables, runSqliteDdl, type MysqlTableDdl } from './migration';

// utf8mb4_unicode_ci exists on MariaDB and MySQL alike (MySQL 8's default 0900 collation does
// not exist on MariaDB). It makes the unique keys case-insensitive: see COLLATE NOCASE below.
const MYSQL_TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const MYSQL_TABLES: readonly MysqlTableDdl[] = [
  {
    table: 'patients',
    sql: `CREATE TABLE patients (
      id INT NOT NULL AUTO_INCREMENT,
      first_name VARCHAR(50) NOT NULL,
      last_name VARCHAR(50) NOT NULL,
      email VARCHAR(100) NOT NULL,
      phone VARCHAR(15) NOT NULL,
      date_of_birth DATE NOT NULL,
      gender ENUM('Male', 'Female', 'Other') NOT NULL,
      address TEXT NULL,
      emergency_contact_name VARCHAR(100) NULL,
      emergency_contact_phone VARCHAR(15) NULL,
      password_hash VARCHAR(255) NOT NULL,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
      is_active BOOLEAN NULL DEFAULT TRUE,
      PRIMARY KEY (id),
      UNIQUE KEY uq_patients_email (email),
      KEY idx_patients_phone (phone)
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    table: 'doctors',
    sql: `CREATE TABLE doctors (
      id INT NOT NULL AUTO_INCREMENT,
      first_name VARCHAR(50) NOT NULL,
      last_name VARCHAR(50) NOT NULL,
      email VARCHAR(100) NOT NULL,
      phone VARCHAR(15) NOT NULL,
      specialization VARCHAR(100) NOT NULL,
      license_number VARCHAR(50) NOT NULL,
      years_experience INT NULL DEFAULT 0,
      consultation_fee DECIMAL(10,2) NULL,
      bio TEXT NULL,
      password_hash VARCHAR(255) NOT NULL,
      profile_image_url VARCHAR(255) NULL,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
      is_active BOOLEAN NULL DEFAULT TRUE,
      PRIMARY KEY (id),
      UNIQUE KEY uq_doctors_email (email),
      UNIQUE KEY uq_doctors_license_number (license_number),
      KEY idx_doctors_specialization (specialization)
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    table: 'admin',
    sql: `CREATE TABLE admin (
      id INT NOT NULL AUTO_INCREMENT,
      username VARCHAR(50) NOT NULL,
      email VARCHAR(100) NOT NULL,
      first_name VARCHAR(50) NOT NULL,
      last_name VARCHAR(50) NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      role_level INT NULL DEFAULT 1,
      last_login TIMESTAMP NULL DEFAULT NULL,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      is_active BOOLEAN NULL DEFAULT TRUE,
      PRIMARY KEY (id),
      UNIQUE KEY uq_admin_username (username),
      UNIQUE KEY uq_admin_email (email)
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    // The composite indexes lead with doctor_id and patient_id, so InnoDB uses them for the
    // foreign keys instead of adding indexes of its own.
    table: 'appointments',
    sql: `CREATE TABLE appointments (
      id INT NOT NULL AUTO_INCREMENT,
      patient_id INT NOT NULL,
      doctor_id INT NOT NULL,
      appointment_date DATE NOT NULL,
      appointment_time TIME NOT NULL,
      duration_minutes INT NULL DEFAULT 60,
      status ENUM('Scheduled', 'Confirmed', 'Completed', 'Cancelled', 'No-Show') NULL DEFAULT 'Scheduled',
      appointment_type ENUM('Consultation', 'Follow-up', 'Emergency', 'Check-up') NULL DEFAULT 'Consultation',
      patient_notes TEXT NULL,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
      cancelled_at TIMESTAMP NULL DEFAULT NULL,
      cancelled_by ENUM('Patient', 'Doctor', 'Admin') NULL DEFAULT NULL,
      PRIMARY KEY (id),
      KEY idx_appointments_doctor_date_time (doctor_id, appointment_date, appointment_time),
      KEY idx_appointments_patient_date (patient_id, appointment_date),
      CONSTRAINT fk_appointments_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
      CONSTRAINT fk_appointments_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    table: 'doctor_availability',
    sql: `CREATE TABLE doctor_availability (
      id INT NOT NULL AUTO_INCREMENT,
      doctor_id INT NOT NULL,
      day_of_week INT NOT NULL,
      start_time TIME NOT NULL,
      end_time TIME NOT NULL,
      is_available BOOLEAN NULL DEFAULT TRUE,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      PRIMARY KEY (id),
      KEY idx_doctor_availability_doctor (doctor_id),
      CONSTRAINT fk_doctor_availability_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    table: 'doctor_unavailable_dates',
    sql: `CREATE TABLE doctor_unavailable_dates (
      id INT NOT NULL AUTO_INCREMENT,
      doctor_id INT NOT NULL,
      unavailable_date DATE NOT NULL,
      start_time TIME NULL,
      end_time TIME NULL,
      reason VARCHAR(255) NULL,
      created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
      PRIMARY KEY (id),
      KEY idx_doctor_unavailable_dates_doctor (doctor_id),
      CONSTRAINT fk_doctor_unavailable_dates_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
  {
    // The seed names no ON DELETE for updated_by; SET NULL keeps the setting when the admin
    // who last changed it is removed.
    table: 'clinic_settings',
    sql: `CREATE TABLE clinic_settings (
      id INT NOT NULL AUTO_INCREMENT,
      setting_key VARCHAR(100) NOT NULL,
      setting_value TEXT NOT NULL,
      description TEXT NULL,
      updated_by INT NULL,
      updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
      PRIMARY KEY (id),
      UNIQUE KEY uq_clinic_settings_setting_key (setting_key),
      KEY idx_clinic_settings_updated_by (updated_by),
      CONSTRAINT fk_clinic_settings_updated_by FOREIGN KEY (updated_by) REFERENCES admin (id) ON DELETE SET NULL
    ) ${MYSQL_TABLE_OPTIONS}`,
  },
];

/**
 * SQLite enforces little by itself, so CHECK constraints stand in for what MySQL's types refuse
 * in strict mode: ENUM values, BOOLEAN 0/1, VARCHAR lengths, well-formed DATE ('YYYY-MM-DD')
 * and TIME ('HH:MM:SS'). A NULL passes a CHECK, so nullable columns stay nullable.
 * - Declared types TINYINT(1) and DATETIME (not BOOLEAN, TIMESTAMP) because Sequelize's SQLite
 *   reader picks its parsers by declared type: only these come back as booleans and Dates.
 * - COLLATE NOCASE on the unique text columns: MySQL's _ci collation treats 'Ann@x.org' and
 *   'ann@x.org' as the same key; without it SQLite would accept both.
 * - Triggers stand in for ON UPDATE CURRENT_TIMESTAMP: when an UPDATE leaves updated_at as it
 *   was, it is set to now (Sequelize sets it itself on model writes; the trigger covers raw SQL).
 * - Indexes on the foreign key columns match the ones InnoDB has (SQLite adds none itself).
 */
const SQLITE_DDL: readonly string[] = [
  `CREATE TABLE patients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name VARCHAR(50) NOT NULL CHECK (length(first_name) <= 50),
    last_name VARCHAR(50) NOT NULL CHECK (length(last_name) <= 50),
    email VARCHAR(100) NOT NULL COLLATE NOCASE CHECK (length(email) <= 100),
    phone VARCHAR(15) NOT NULL CHECK (length(phone) <= 15),
    date_of_birth DATE NOT NULL CHECK (date_of_birth = date(date_of_birth)),
    gender TEXT NOT NULL CHECK (gender IN ('Male', 'Female', 'Other')),
    address TEXT,
    emergency_contact_name VARCHAR(100) CHECK (length(emergency_contact_name) <= 100),
    emergency_contact_phone VARCHAR(15) CHECK (length(emergency_contact_phone) <= 15),
    password_hash VARCHAR(255) NOT NULL CHECK (length(password_hash) <= 255),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    is_active TINYINT(1) DEFAULT 1 CHECK (is_active IN (0, 1))
  )`,
  `CREATE UNIQUE INDEX uq_patients_email ON patients (email)`,
  `CREATE INDEX idx_patients_phone ON patients (phone)`,

  `CREATE TABLE doctors (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name VARCHAR(50) NOT NULL CHECK (length(first_name) <= 50),
    last_name VARCHAR(50) NOT NULL CHECK (length(last_name) <= 50),
    email VARCHAR(100) NOT NULL COLLATE NOCASE CHECK (length(email) <= 100),
    phone VARCHAR(15) NOT NULL CHECK (length(phone) <= 15),
    specialization VARCHAR(100) NOT NULL CHECK (length(specialization) <= 100),
    license_number VARCHAR(50) NOT NULL COLLATE NOCASE CHECK (length(license_number) <= 50),
    years_experience INT DEFAULT 0,
    consultation_fee DECIMAL(10,2),
    bio TEXT,
    password_hash VARCHAR(255) NOT NULL CHECK (length(password_hash) <= 255),
    profile_image_url VARCHAR(255) CHECK (length(profile_image_url) <= 255),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    is_active TINYINT(1) DEFAULT 1 CHECK (is_active IN (0, 1))
  )`,
  `CREATE UNIQUE INDEX uq_doctors_email ON doctors (email)`,
  `CREATE UNIQUE INDEX uq_doctors_license_number ON doctors (license_number)`,
  `CREATE INDEX idx_doctors_specialization ON doctors (specialization)`,

  `CREATE TABLE admin (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username VARCHAR(50) NOT NULL COLLATE NOCASE CHECK (length(username) <= 50),
    email VARCHAR(100) NOT NULL COLLATE NOCASE CHECK (length(email) <= 100),
    first_name VARCHAR(50) NOT NULL CHECK (length(first_name) <= 50),
    last_name VARCHAR(50) NOT NULL CHECK (length(last_name) <= 50),
    password_hash VARCHAR(255) NOT NULL CHECK (length(password_hash) <= 255),
    role_level INT DEFAULT 1,
    last_login DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    is_active TINYINT(1) DEFAULT 1 CHECK (is_active IN (0, 1))
  )`,
  `CREATE UNIQUE INDEX uq_admin_username ON admin (username)`,
  `CREATE UNIQUE INDEX uq_admin_email ON admin (email)`,

  `CREATE TABLE appointments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INT NOT NULL,
    doctor_id INT NOT NULL,
    appointment_date DATE NOT NULL CHECK (appointment_date = date(appointment_date)),
    appointment_time TIME NOT NULL CHECK (appointment_time = time(appointment_time)),
    duration_minutes INT DEFAULT 60,
    status TEXT DEFAULT 'Scheduled' CHECK (status IN ('Scheduled', 'Confirmed', 'Completed', 'Cancelled', 'No-Show')),
    appointment_type TEXT DEFAULT 'Consultation' CHECK (appointment_type IN ('Consultation', 'Follow-up', 'Emergency', 'Check-up')),
    patient_notes TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    cancelled_at DATETIME,
    cancelled_by TEXT CHECK (cancelled_by IN ('Patient', 'Doctor', 'Admin')),
    CONSTRAINT fk_appointments_patient FOREIGN KEY (patient_id) REFERENCES patients (id) ON DELETE CASCADE,
    CONSTRAINT fk_appointments_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE RESTRICT
  )`,
  `CREATE INDEX idx_appointments_doctor_date_time ON appointments (doctor_id, appointment_date, appointment_time)`,
  `CREATE INDEX idx_appointments_patient_date ON appointments (patient_id, appointment_date)`,

  `CREATE TABLE doctor_availability (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id INT NOT NULL,
    day_of_week INT NOT NULL,
    start_time TIME NOT NULL CHECK (start_time = time(start_time)),
    end_time TIME NOT NULL CHECK (end_time = time(end_time)),
    is_available TINYINT(1) DEFAULT 1 CHECK (is_available IN (0, 1)),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_doctor_availability_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE
  )`,
  `CREATE INDEX idx_doctor_availability_doctor ON doctor_availability (doctor_id)`,

  `CREATE TABLE doctor_unavailable_dates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id INT NOT NULL,
    unavailable_date DATE NOT NULL CHECK (unavailable_date = date(unavailable_date)),
    start_time TIME CHECK (start_time = time(start_time)),
    end_time TIME CHECK (end_time = time(end_time)),
    reason VARCHAR(255) CHECK (length(reason) <= 255),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_doctor_unavailable_dates_doctor FOREIGN KEY (doctor_id) REFERENCES doctors (id) ON DELETE CASCADE
  )`,
  `CREATE INDEX idx_doctor_unavailable_dates_doctor ON doctor_unavailable_dates (doctor_id)`,

  `CREATE TABLE clinic_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    setting_key VARCHAR(100) NOT NULL COLLATE NOCASE CHECK (length(setting_key) <= 100),
    setting_value TEXT NOT NULL,
    description TEXT,
    updated_by INT,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_clinic_settings_updated_by FOREIGN KEY (updated_by) REFERENCES admin (id) ON DELETE SET NULL
  )`,
  `CREATE UNIQUE INDEX uq_clinic_settings_setting_key ON clinic_settings (setting_key)`,
  `CREATE INDEX idx_clinic_settings_updated_by ON clinic_settings (updated_by)`,

  ...['patients', 'doctors', 'appointments', 'clinic_settings'].map(
    (table) => `CREATE TRIGGER trg_${table}_updated_at AFTER UPDATE ON ${table}
      FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at
      BEGIN
        UPDATE ${table} SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
      END`,
  ),
];

/** Children before parents, so no foreign key is left pointing at a dropped table. */
const TABLES_IN_DROP_ORDER = [
  'clinic_settings',
  'doctor_unavailable_dates',
  'doctor_availability',
  'appointments',
  'admin',
  'doctors',
  'patients',
];

export async function up({ context }: MigrationParams): Promise<void> {
  if (context.sequelize.getDialect() === 'mysql') await createMysqlTables(context, MYSQL_TABLES);
  else await runSqliteDdl(context, SQLITE_DDL);
}

export async function down({ context }: MigrationParams): Promise<void> {
  for (const table of TABLES_IN_DROP_ORDER) await context.sequelize.query(`DROP TABLE IF EXISTS ${table}`);
}
