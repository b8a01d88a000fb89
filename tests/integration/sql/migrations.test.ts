import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../../electron/main/data/sql/connection';
import { MIGRATIONS } from '../../../electron/main/data/sql/migrations';
import type { SqlMigration } from '../../../electron/main/data/sql/migrations/migration';
import {
  createMigrator,
  currentSchemaVersion,
  migrateToLatest,
  MIGRATION_TABLE,
  SchemaTooNewError,
} from '../../../electron/main/data/sql/migrator';
import { openSqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { describeColumns, describeForeignKeys, describeIndexes, onUpdateNowColumns } from './introspect';
import { openBareTarget, SQL_TARGETS } from './stores';

const SEED_TABLES = [
  'admin',
  'appointments',
  'clinic_settings',
  'doctor_availability',
  'doctor_unavailable_dates',
  'doctors',
  'patients',
];
const LATEST = MIGRATIONS.at(-1)?.name ?? '';

async function tables(sequelize: Sequelize): Promise<string[]> {
  const names = (await sequelize.getQueryInterface().showAllTables()) as unknown[];
  return names.map((n) => (typeof n === 'string' ? n : String((n as { tableName: string }).tableName))).sort();
}

async function appliedRows(sequelize: Sequelize): Promise<string[]> {
  const rows = await sequelize.query<{ name: string }>(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`, {
    type: QueryTypes.SELECT,
  });
  return rows.map((r) => r.name);
}

/** A stand-in for a later migration: creates (and drops) a probe table. */
function probeMigration(name: string, ran: string[] = []): SqlMigration {
  const table = `probe_${name.replace(/\W/g, '_')}`;
  return {
    name,
    up: async ({ context }) => {
      ran.push(name);
      await context.sequelize.query(`CREATE TABLE ${table} (id INT NOT NULL PRIMARY KEY)`);
    },
    down: async ({ context }) => {
      await context.sequelize.query(`DROP TABLE ${table}`);
    },
  };
}

describe.each(SQL_TARGETS)('migrations on $name', (factory) => {
  let bare: Awaited<ReturnType<typeof openBareTarget>> | undefined;
  afterEach(async () => {
    await bare?.dispose();
    bare = undefined;
  });

  it('a fresh database gets every migration, and a second run applies nothing', async () => {
    bare = await openBareTarget(factory);
    expect(await currentSchemaVersion(bare.sequelize)).toBeNull();
    // Asking for the version must not create the bookkeeping table.
    expect(await tables(bare.sequelize)).toEqual([]);

    const first = await migrateToLatest(bare.sequelize);
    expect(first).toEqual({ applied: MIGRATIONS.map((m) => m.name), schemaVersion: LATEST });
    expect(await tables(bare.sequelize)).toEqual(expect.arrayContaining([...SEED_TABLES, MIGRATION_TABLE]));

    const second = await migrateToLatest(bare.sequelize);
    expect(second).toEqual({ applied: [], schemaVersion: LATEST });
    expect(await appliedRows(bare.sequelize)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await currentSchemaVersion(bare.sequelize)).toBe(LATEST);
  });

  it('applies only the new migration when the app ships a later one', async () => {
    bare = await openBareTarget(factory);
    await migrateToLatest(bare.sequelize);
    const later = probeMigration('209901010000-later-change');
    const result = await migrateToLatest(bare.sequelize, [...MIGRATIONS, later]);
    expect(result).toEqual({ applied: [later.name], schemaVersion: later.name });
  });

  it('refuses a database that has applied a migration this app does not know', async () => {
    bare = await openBareTarget(factory);
    await migrateToLatest(bare.sequelize);
    const future = '209912312359-from-a-newer-version';
    await bare.sequelize.query(`INSERT INTO ${MIGRATION_TABLE} (name) VALUES (?)`, { replacements: [future] });

    const refusal = await migrateToLatest(bare.sequelize).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaTooNewError);
    expect((refusal as SchemaTooNewError).message).toBe(
      `This database was upgraded by a newer Clinic Desk (schema ${future}). Install the newer version on this workstation.`,
    );
    expect(refusal).toMatchObject({ databaseVersion: future, appVersion: LATEST, reason: 'unknown-migrations' });

    // Opening the store refuses the same way (and the caller gets no half-open store).
    await expect(openSqlStore(bare.target.config)).rejects.toBeInstanceOf(SchemaTooNewError);
    expect(await appliedRows(bare.sequelize)).toEqual([...MIGRATIONS.map((m) => m.name), future]);
  });

  it('refuses a history that is not a prefix of the app list, and runs nothing', async () => {
    bare = await openBareTarget(factory);
    const ran: string[] = [];
    const [b, c] = [probeMigration('209901010001-b', ran), probeMigration('209901010002-c', ran)];
    // This database skipped b (built by a version that never had it).
    await migrateToLatest(bare.sequelize, [...MIGRATIONS, c]);
    ran.length = 0;

    const refusal = await migrateToLatest(bare.sequelize, [...MIGRATIONS, b, c]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaTooNewError);
    expect(refusal).toMatchObject({ reason: 'history-mismatch', databaseVersion: c.name });
    expect(ran).toEqual([]);
  });

  it('a seed migration that fails halfway leaves nothing behind, so the next start can retry', async () => {
    bare = await openBareTarget(factory);
    // A stray table makes CREATE TABLE doctors fail after patients was created.
    await bare.sequelize.query('CREATE TABLE doctors (id INT NOT NULL PRIMARY KEY)');
    await expect(migrateToLatest(bare.sequelize)).rejects.toThrow();
    expect((await tables(bare.sequelize)).filter((t) => t !== MIGRATION_TABLE)).toEqual(['doctors']);
    expect(await appliedRows(bare.sequelize)).toEqual([]);

    await bare.sequelize.query('DROP TABLE doctors');
    expect((await migrateToLatest(bare.sequelize)).applied).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('the seed migration goes down and up again', async () => {
    bare = await openBareTarget(factory);
    await migrateToLatest(bare.sequelize);
    await (await createMigrator(bare.sequelize)).down({ to: 0 });
    expect(await tables(bare.sequelize)).toEqual([MIGRATION_TABLE]);
    expect(await currentSchemaVersion(bare.sequelize)).toBeNull();
    expect((await migrateToLatest(bare.sequelize)).applied).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it.runIf(factory.dialect === 'mysql')(
    'two workstations starting at once on a fresh server: one migrates, the other waits',
    async () => {
      bare = await openBareTarget(factory);
      const other = createSequelize(bare.target.config);
      try {
        const results = await Promise.all([migrateToLatest(bare.sequelize), migrateToLatest(other)]);
        expect(results.map((r) => r.applied.length).sort()).toEqual([0, MIGRATIONS.length]);
        expect(results.map((r) => r.schemaVersion)).toEqual([LATEST, LATEST]);
      } finally {
        await other.close();
      }
    },
  );
});

/** The seed, column by column: [name, type, nullable, default]. */
type ColumnSpec = [string, string, boolean, string | null];
const STAMP: ColumnSpec[] = [
  ['created_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
  ['updated_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
];
const SEED_COLUMNS: Record<string, ColumnSpec[]> = {
  patients: [
    ['id', 'INT', false, null],
    ['first_name', 'VARCHAR(50)', false, null],
    ['last_name', 'VARCHAR(50)', false, null],
    ['email', 'VARCHAR(100)', false, null],
    ['phone', 'VARCHAR(15)', false, null],
    ['date_of_birth', 'DATE', false, null],
    ['gender', "ENUM('Male','Female','Other')", false, null],
    ['address', 'TEXT', true, null],
    ['emergency_contact_name', 'VARCHAR(100)', true, null],
    ['emergency_contact_phone', 'VARCHAR(15)', true, null],
    ['password_hash', 'VARCHAR(255)', false, null],
    ...STAMP,
    ['is_active', 'BOOLEAN', true, '1'],
  ],
  doctors: [
    ['id', 'INT', false, null],
    ['first_name', 'VARCHAR(50)', false, null],
    ['last_name', 'VARCHAR(50)', false, null],
    ['email', 'VARCHAR(100)', false, null],
    ['phone', 'VARCHAR(15)', false, null],
    ['specialization', 'VARCHAR(100)', false, null],
    ['license_number', 'VARCHAR(50)', false, null],
    ['years_experience', 'INT', true, '0'],
    ['consultation_fee', 'DECIMAL(10,2)', true, null],
    ['bio', 'TEXT', true, null],
    ['password_hash', 'VARCHAR(255)', false, null],
    ['profile_image_url', 'VARCHAR(255)', true, null],
    ...STAMP,
    ['is_active', 'BOOLEAN', true, '1'],
  ],
  admin: [
    ['id', 'INT', false, null],
    ['username', 'VARCHAR(50)', false, null],
    ['email', 'VARCHAR(100)', false, null],
    ['first_name', 'VARCHAR(50)', false, null],
    ['last_name', 'VARCHAR(50)', false, null],
    ['password_hash', 'VARCHAR(255)', false, null],
    ['role_level', 'INT', true, '1'],
    ['last_login', 'TIMESTAMP', true, null],
    ['created_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
    ['is_active', 'BOOLEAN', true, '1'],
  ],
  appointments: [
    ['id', 'INT', false, null],
    ['patient_id', 'INT', false, null],
    ['doctor_id', 'INT', false, null],
    ['appointment_date', 'DATE', false, null],
    ['appointment_time', 'TIME', false, null],
    ['duration_minutes', 'INT', true, '60'],
    ['status', "ENUM('Scheduled','Confirmed','Completed','Cancelled','No-Show')", true, 'Scheduled'],
    ['appointment_type', "ENUM('Consultation','Follow-up','Emergency','Check-up')", true, 'Consultation'],
    ['patient_notes', 'TEXT', true, null],
    ...STAMP,
    ['cancelled_at', 'TIMESTAMP', true, null],
    ['cancelled_by', "ENUM('Patient','Doctor','Admin')", true, null],
  ],
  doctor_availability: [
    ['id', 'INT', false, null],
    ['doctor_id', 'INT', false, null],
    ['day_of_week', 'INT', false, null],
    ['start_time', 'TIME', false, null],
    ['end_time', 'TIME', false, null],
    ['is_available', 'BOOLEAN', true, '1'],
    ['created_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
  ],
  doctor_unavailable_dates: [
    ['id', 'INT', false, null],
    ['doctor_id', 'INT', false, null],
    ['unavailable_date', 'DATE', false, null],
    ['start_time', 'TIME', true, null],
    ['end_time', 'TIME', true, null],
    ['reason', 'VARCHAR(255)', true, null],
    ['created_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
  ],
  clinic_settings: [
    ['id', 'INT', false, null],
    ['setting_key', 'VARCHAR(100)', false, null],
    ['setting_value', 'TEXT', false, null],
    ['description', 'TEXT', true, null],
    ['updated_by', 'INT', true, null],
    ['updated_at', 'TIMESTAMP', true, 'CURRENT_TIMESTAMP'],
  ],
};

const SEED_INDEXES: Record<string, { name: string; unique: boolean; columns: string[] }[]> = {
  patients: [
    { name: 'idx_patients_phone', unique: false, columns: ['phone'] },
    { name: 'uq_patients_email', unique: true, columns: ['email'] },
  ],
  doctors: [
    { name: 'idx_doctors_specialization', unique: false, columns: ['specialization'] },
    { name: 'uq_doctors_email', unique: true, columns: ['email'] },
    { name: 'uq_doctors_license_number', unique: true, columns: ['license_number'] },
  ],
  admin: [
    { name: 'uq_admin_email', unique: true, columns: ['email'] },
    { name: 'uq_admin_username', unique: true, columns: ['username'] },
  ],
  appointments: [
    {
      name: 'idx_appointments_doctor_date_time',
      unique: false,
      columns: ['doctor_id', 'appointment_date', 'appointment_time'],
    },
    { name: 'idx_appointments_patient_date', unique: false, columns: ['patient_id', 'appointment_date'] },
  ],
  doctor_availability: [{ name: 'idx_doctor_availability_doctor', unique: false, columns: ['doctor_id'] }],
  doctor_unavailable_dates: [{ name: 'idx_doctor_unavailable_dates_doctor', unique: false, columns: ['doctor_id'] }],
  clinic_settings: [
    { name: 'idx_clinic_settings_updated_by', unique: false, columns: ['updated_by'] },
    { name: 'uq_clinic_settings_setting_key', unique: true, columns: ['setting_key'] },
  ],
};

const SEED_FOREIGN_KEYS: Record<string, { column: string; references: string; onDelete: string }[]> = {
  patients: [],
  doctors: [],
  admin: [],
  appointments: [
    { column: 'doctor_id', references: 'doctors', onDelete: 'RESTRICT' },
    { column: 'patient_id', references: 'patients', onDelete: 'CASCADE' },
  ],
  doctor_availability: [{ column: 'doctor_id', references: 'doctors', onDelete: 'CASCADE' }],
  doctor_unavailable_dates: [{ column: 'doctor_id', references: 'doctors', onDelete: 'CASCADE' }],
  clinic_settings: [{ column: 'updated_by', references: 'admin', onDelete: 'SET NULL' }],
};

const ON_UPDATE_NOW: Record<string, string[]> = {
  patients: ['updated_at'],
  doctors: ['updated_at'],
  admin: [],
  appointments: ['updated_at'],
  doctor_availability: [],
  doctor_unavailable_dates: [],
  clinic_settings: ['updated_at'],
};

/** The seed migration alone: later migrations may add columns and tables, never change these. */
const SEED_MIGRATION = '202611250001-seed-schema';

describe.each(SQL_TARGETS)('the seed schema on $name, by introspection', (factory) => {
  let store: { sequelize: Sequelize; dispose(): Promise<void> };
  beforeAll(async () => {
    store = await openBareTarget(factory);
    await migrateToLatest(
      store.sequelize,
      MIGRATIONS.filter((m) => m.name <= SEED_MIGRATION),
    );
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it.each(Object.keys(SEED_COLUMNS))('%s has the seed columns: types, nullability, defaults', async (table) => {
    const columns = await describeColumns(store.sequelize, table);
    expect(columns.map((c): ColumnSpec => [c.name, c.type, c.nullable, c.default])).toEqual(SEED_COLUMNS[table]);
  });

  it.each(Object.keys(SEED_INDEXES))('%s has the unique keys and indexes', async (table) => {
    expect(await describeIndexes(store.sequelize, table)).toEqual(SEED_INDEXES[table]);
  });

  it.each(Object.keys(SEED_FOREIGN_KEYS))('%s has the foreign keys with their ON DELETE actions', async (table) => {
    expect(await describeForeignKeys(store.sequelize, table)).toEqual(SEED_FOREIGN_KEYS[table]);
  });

  it.each(Object.keys(ON_UPDATE_NOW))('%s: updated_at follows updates', async (table) => {
    expect(await onUpdateNowColumns(store.sequelize, table)).toEqual(ON_UPDATE_NOW[table]);
  });

  it.runIf(factory.dialect === 'mysql')('every table is InnoDB with utf8mb4', async () => {
    const rows = await store.sequelize.query<{ TABLE_NAME: string; ENGINE: string; TABLE_COLLATION: string }>(
      `SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${SEED_TABLES.map(() => '?').join(', ')})`,
      { type: QueryTypes.SELECT, replacements: SEED_TABLES },
    );
    expect(rows).toHaveLength(SEED_TABLES.length);
    for (const row of rows) {
      expect(row.ENGINE).toBe('InnoDB');
      expect(row.TABLE_COLLATION).toMatch(/^utf8mb4_/);
    }
  });
});
