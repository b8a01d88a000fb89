import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createSequelize } from '../../../electron/main/data/sql/connection';
import { patientValues } from './fixtures';
import { openTestStore, SQL_TARGETS } from './stores';

const [mysqlTarget, sqliteTarget] = SQL_TARGETS;
if (!mysqlTarget || !sqliteTarget) throw new Error('SQL_TARGETS must list MariaDB and SQLite');

async function pragma(sequelize: Sequelize, name: string, transaction?: Transaction): Promise<unknown> {
  const rows = await sequelize.query<Record<string, unknown>>(`PRAGMA ${name}`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  return Object.values(rows[0] ?? {})[0];
}

describe('SQLite connections', () => {
  let store: SqlStore & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await openTestStore(sqliteTarget);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('has foreign keys on, WAL and a 5 s busy timeout on the main connection', async () => {
    expect(await pragma(store.sequelize, 'foreign_keys')).toBe(1);
    expect(await pragma(store.sequelize, 'journal_mode')).toBe('wal');
    expect(await pragma(store.sequelize, 'busy_timeout')).toBe(5000);
  });

  it('has them on the separate connection Sequelize opens for each transaction too', async () => {
    await store.sequelize.transaction(async (transaction) => {
      expect(await pragma(store.sequelize, 'foreign_keys', transaction)).toBe(1);
      expect(await pragma(store.sequelize, 'busy_timeout', transaction)).toBe(5000);
    });
  });

  it('a second writer waits for the first transaction instead of failing with SQLITE_BUSY', async () => {
    const { Patient } = store.models;
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));

    const first = store.sequelize.transaction(async (transaction) => {
      await Patient.create(patientValues(), { transaction });
      firstStarted();
      await firstHolds;
    });
    await started;
    const second = store.sequelize.transaction(async (transaction) => {
      await Patient.create(patientValues(), { transaction });
    });
    setTimeout(releaseFirst, 300);
    await expect(Promise.all([first, second])).resolves.toBeDefined();
  });

  it('reads booleans as booleans and timestamps as Dates through the models', async () => {
    const patient = await store.models.Patient.create(patientValues());
    const again = await store.models.Patient.findByPk(patient.id);
    expect(again?.isActive).toBe(true);
    expect(again?.createdAt).toBeInstanceOf(Date);
  });
});

describe('MySQL connections', () => {
  let store: SqlStore & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await openTestStore(mysqlTarget);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('uses UTC for the session, so CURRENT_TIMESTAMP defaults and Sequelize agree', async () => {
    const rows = await store.sequelize.query<{ tz: string }>('SELECT @@session.time_zone AS tz', {
      type: QueryTypes.SELECT,
    });
    expect(rows[0]?.tz).toBe('+00:00');
  });

  it('returns DATE and TIME columns as strings even from raw queries', async () => {
    const patient = await store.models.Patient.create(patientValues({ dateOfBirth: '2000-02-29' }));
    const rows = await store.sequelize.query<{ date_of_birth: unknown; t: unknown }>(
      "SELECT date_of_birth, CAST('07:05:00' AS TIME) AS t FROM patients WHERE id = ?",
      { type: QueryTypes.SELECT, replacements: [patient.id] },
    );
    expect(rows[0]).toEqual({ date_of_birth: '2000-02-29', t: '07:05:00' });
  });

  it('accepts mariadb:// URLs and URL-escaped credentials', () => {
    const sequelize = createSequelize({
      dialect: 'mysql',
      url: 'mariadb://clinic%40desk:p%2Fss%3Aw@db.clinic.lan:3307/clinic',
    });
    const config = sequelize.config;
    expect([config.username, config.password, config.host, config.port, config.database]).toEqual([
      'clinic@desk',
      'p/ss:w',
      'db.clinic.lan',
      3307,
      'clinic',
    ]);
    return sequelize.close();
  });

  it('refuses a URL without a database name', () => {
    expect(() => createSequelize({ dialect: 'mysql', url: 'mysql://root@127.0.0.1:3306/' })).toThrow(
      /must name a database/,
    );
  });
});
