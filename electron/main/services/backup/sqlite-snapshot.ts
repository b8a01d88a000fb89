import { renameSync, rmSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { MIGRATIONS } from '../../data/sql/migrations';
import { MIGRATION_TABLE } from '../../data/sql/migrator';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { sqliteFileRepository } from '../../data/sql/repositories/sqlite-file-repository';

/**
 * Writes a consistent copy of a live SQLite store with VACUUM INTO (SQLite's online snapshot:
 * one read transaction, writers elsewhere carry on). It goes to a temporary name first, so a
 * crash halfway never leaves a file that looks like a finished backup.
 */
export async function writeSnapshot(store: SqlStore, target: string): Promise<void> {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await sqliteFileRepository(store).vacuumInto(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface SnapshotInspection {
  /** Why the file cannot be restored, or null when it can. */
  problem: string | null;
  patients: number;
  appointments: number;
  lastMigration: string | null;
}

function openReadOnly(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(db)));
  });
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => db.all(sql, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))));
}

/**
 * Opens a backup read-only and checks that this version can restore it: SQLite's integrity
 * check passes and every migration it has applied is one this version knows (a backup made by
 * a newer version would be downgraded silently otherwise).
 */
export async function inspectSnapshot(path: string): Promise<SnapshotInspection> {
  const empty = { patients: 0, appointments: 0, lastMigration: null };
  let db: sqlite3.Database;
  try {
    db = await openReadOnly(path);
  } catch {
    return { ...empty, problem: 'The file cannot be opened as a Clinic Desk store.' };
  }
  try {
    const integrity = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
    if (integrity[0]?.integrity_check !== 'ok') return { ...empty, problem: 'The file is damaged (SQLite integrity check failed).' };
    const applied = (await all<{ name: string }>(db, `SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`)).map((row) => row.name);
    const known = new Set(MIGRATIONS.map((migration) => migration.name));
    const unknown = applied.filter((name) => !known.has(name));
    const lastMigration = applied.at(-1) ?? null;
    const [counts] = await all<{ patients: number; appointments: number }>(
      db,
      'SELECT (SELECT COUNT(*) FROM patients) AS patients, (SELECT COUNT(*) FROM appointments) AS appointments',
    );
    const problem =
      applied.length === 0
        ? 'The file holds no Clinic Desk data.'
        : unknown.length > 0
          ? 'This backup was made by a newer version of Clinic Desk; update this workstation first.'
          : null;
    return { problem, patients: counts?.patients ?? 0, appointments: counts?.appointments ?? 0, lastMigration };
  } catch {
    return { ...empty, problem: 'The file is not a Clinic Desk store.' };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
