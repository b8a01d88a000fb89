import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { generateClinic, type ClinicSize } from '../../electron/main/data/generator/clinic-generator';
import { insertBatches } from '../../electron/main/data/generator/bulk-insert';
import type { SqlConfig } from '../../electron/main/data/sql/connection';
import { openSqlStore, type SqlStore } from '../../electron/main/data/sql/open-sql-store';
import { SETTINGS } from '../../shared/domain/settings-registry';
import { openRawDriver } from './raw-driver';

/** Bump when the shape below changes: a cached database of another version is rebuilt. */
export const DATASET_VERSION = 'v1';
// CLINIC_BENCH_DATASET: another name, so a branch with newer migrations does not migrate the shared cache.
export const DATASET_NAME = process.env.CLINIC_BENCH_DATASET ?? `clinic_bench_${DATASET_VERSION}`;
const MARKER_KEY = 'bench_dataset';

/** The clinic's "today": fixed, so a cached database and the clock of every run agree. */
export const BENCH_TODAY = '2026-12-07';
export const BENCH_ZONE = 'Europe/Berlin';

export const BENCH_CLINIC: ClinicSize = {
  seed: 424242,
  doctors: 150,
  patients: 100_000,
  appointments: 1_100_000,
  today: BENCH_TODAY,
  pastDays: 820,
  futureDays: 150,
  passwordHash: '!bench-account-cannot-sign-in',
};

const OPEN_ALL_WEEK = Object.fromEntries(['1', '2', '3', '4', '5', '6'].map((d) => [d, [['07:00', '20:00']]]));
const BENCH_SETTINGS: [keyof typeof SETTINGS, unknown][] = [
  ['clinicName', 'Benchmark Clinic'],
  ['timezone', BENCH_ZONE],
  ['slotStepMinutes', 15],
  ['defaultDurationMinutes', 30],
  ['bookingHorizonDays', 180],
  ['lateCancellationHours', 24],
  ['openingHours', OPEN_ALL_WEEK],
];

const Marker = z.object({
  version: z.literal(DATASET_VERSION),
  rows: z.record(z.string(), z.number()),
  generationSeconds: z.number(),
  /** Appointments above this id were written by a benchmark run and are removed before the next. */
  lastGeneratedAppointmentId: z.number(),
});
export type DatasetMarker = z.infer<typeof Marker>;

export interface Dataset {
  config: SqlConfig;
  marker: DatasetMarker;
  /** False when the cached database was reused. */
  generatedNow: boolean;
}

export type BenchStore = 'mariadb' | 'sqlite';

function mysqlServerUrl(): URL {
  return new URL(process.env.CLINIC_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
}

function configFor(store: BenchStore): SqlConfig {
  if (store === 'sqlite') {
    const dir = join(homedir(), '.cache', 'clinic-desk', 'bench');
    mkdirSync(dir, { recursive: true });
    return { dialect: 'sqlite', storage: join(dir, `${DATASET_NAME}.sqlite`) };
  }
  const url = mysqlServerUrl();
  url.pathname = `/${DATASET_NAME}`;
  return { dialect: 'mysql', url: url.toString() };
}

async function readMarker(sql: SqlStore): Promise<DatasetMarker | null> {
  const row = await sql.models.ClinicSetting.findOne({ where: { settingKey: MARKER_KEY } });
  if (!row) return null;
  const parsed = Marker.safeParse(JSON.parse(row.settingValue));
  return parsed.success ? parsed.data : null;
}

async function recreate(config: SqlConfig): Promise<void> {
  if (config.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(config.storage + suffix, { force: true });
    return;
  }
  const admin = await mysql.createConnection(mysqlServerUrl().toString());
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${DATASET_NAME}\``);
    await admin.query(`CREATE DATABASE \`${DATASET_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
}

/**
 * Bulk load through the raw driver: multi-row INSERTs of thousands of rows, with the checks a
 * trusted generator does not need switched off for the load (foreign keys, unique checks,
 * SQLite's fsync), then back on.
 */
async function load(config: SqlConfig): Promise<Record<string, number>> {
  const driver = await openRawDriver(config);
  const mysqlLoad = config.dialect === 'mysql';
  try {
    return await driver.pinned(async (session) => {
      if (mysqlLoad) {
        await session.run('SET SESSION foreign_key_checks = 0');
        await session.run('SET SESSION unique_checks = 0');
      } else {
        await session.run('PRAGMA foreign_keys = OFF');
        await session.run('PRAGMA synchronous = OFF');
        await session.run('BEGIN');
      }
      const rows = await insertBatches(
        generateClinic(BENCH_CLINIC),
        config.dialect,
        async (sql, params) => {
          await session.run(sql, params);
        },
        mysqlLoad ? 65_000 : 32_000,
      );
      if (mysqlLoad) {
        await session.run('SET SESSION foreign_key_checks = 1');
        await session.run('SET SESSION unique_checks = 1');
        await session.select('ANALYZE TABLE appointments, patients, doctors, doctor_availability, doctor_unavailable_dates');
      } else {
        await session.run('COMMIT');
        await session.run('ANALYZE');
      }
      return rows;
    });
  } finally {
    await driver.close();
  }
}

async function writeSettings(sql: SqlStore, marker: DatasetMarker): Promise<void> {
  for (const [name, value] of BENCH_SETTINGS) {
    const def = SETTINGS[name] as { key: string; serialize(v: unknown): string; description: string };
    await sql.models.ClinicSetting.create({ settingKey: def.key, settingValue: def.serialize(value), description: def.description });
  }
  await sql.models.ClinicSetting.create({ settingKey: MARKER_KEY, settingValue: JSON.stringify(marker), description: 'Generated benchmark data set' });
}

/** Removes what earlier benchmark runs wrote (bookings, series), so every run starts from the generated clinic. */
export async function resetToGenerated(sql: SqlStore, marker: DatasetMarker): Promise<void> {
  await sql.sequelize.query('DELETE FROM booking_requests WHERE appointment_id > :last', { replacements: { last: marker.lastGeneratedAppointmentId } });
  await sql.sequelize.query('DELETE FROM appointments WHERE id > :last', { replacements: { last: marker.lastGeneratedAppointmentId } });
  await sql.sequelize.query('DELETE FROM appointment_series');
}

/**
 * The benchmark clinic (150 doctors, 100,000 patients, about a million appointments over 2.7
 * years), generated once and cached: a MariaDB database `clinic_bench_v1`, or a SQLite file
 * under ~/.cache/clinic-desk/bench/. Reused when its marker says it is complete.
 */
export async function ensureDataset(store: BenchStore, log: (line: string) => void, regenerate = false): Promise<Dataset> {
  const config = configFor(store);
  if (!regenerate) {
    try {
      const sql = await openSqlStore(config);
      try {
        const marker = await readMarker(sql);
        if (marker) {
          await resetToGenerated(sql, marker);
          return { config, marker, generatedNow: false };
        }
      } finally {
        await sql.close();
      }
    } catch {
      // no usable cached database: generate it
    }
  }
  log(`Generating the benchmark clinic into ${config.dialect === 'mysql' ? `MariaDB database ${DATASET_NAME}` : config.storage} (once; cached for later runs)...`);
  const started = performance.now();
  await recreate(config);
  await (await openSqlStore(config)).close(); // the schema, by the app's own migrations
  const rows = await load(config);
  const sql = await openSqlStore(config);
  try {
    const [last] = await sql.sequelize.query<{ id: number | null }>('SELECT MAX(id) AS id FROM appointments', { type: QueryTypes.SELECT });
    const marker: DatasetMarker = {
      version: DATASET_VERSION,
      rows,
      generationSeconds: Math.round((performance.now() - started) / 100) / 10,
      lastGeneratedAppointmentId: Number(last?.id ?? 0),
    };
    await writeSettings(sql, marker);
    log(`Generated in ${marker.generationSeconds} s: ${Object.entries(rows).map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`).join(', ')}`);
    return { config, marker, generatedNow: true };
  } finally {
    await sql.close();
  }
}
