import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import type { SqlConfig } from '../../electron/main/data/sql/connection';

export type Param = string | number | null;
export type RawRow = Record<string, unknown>;

/** One connection's worth of statements: what a transaction runs on. */
export interface RawSession {
  select(sql: string, params?: Param[]): Promise<RawRow[]>;
  /** Runs a write; returns the new row's id for an INSERT. */
  run(sql: string, params?: Param[]): Promise<{ insertId: number }>;
}

/**
 * The database driver without Sequelize: mysql2/promise for MariaDB, sqlite3 for SQLite. The
 * benchmark's baselines run the same statements through this to show what the ORM layer costs.
 */
export interface RawDriver extends RawSession {
  dialect: SqlConfig['dialect'];
  /** Statements sent so far, BEGIN and COMMIT included: compared with the app's count. */
  readonly statements: number;
  /** Statements that may run side by side (MariaDB: on separate pooled connections). */
  parallel<T>(work: (session: RawSession) => Promise<T>[]): Promise<T[]>;
  /** Several statements on one connection (session settings stick), without a transaction. */
  pinned<T>(work: (session: RawSession) => Promise<T>): Promise<T>;
  /** A write transaction as the app runs one: READ COMMITTED on MariaDB, IMMEDIATE on SQLite. */
  transaction<T>(work: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Counter {
  statements: number;
}

function mysqlSession(connection: mysql.Pool | mysql.PoolConnection, counter: Counter): RawSession {
  return {
    async select(sql, params = []) {
      counter.statements++;
      const [rows] = await connection.query(sql, params);
      return rows as RawRow[];
    },
    async run(sql, params = []) {
      counter.statements++;
      const [result] = await connection.query(sql, params);
      return { insertId: (result as mysql.ResultSetHeader).insertId };
    },
  };
}

/** The same pool size and session settings as the app's Sequelize connection. */
export async function openMysqlDriver(url: string): Promise<RawDriver> {
  const parsed = new URL(url);
  const pool = mysql.createPool({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    charset: 'utf8mb4',
    timezone: 'Z',
    dateStrings: ['DATE'],
    connectionLimit: 5,
  });
  pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
  });
  const counter: Counter = { statements: 0 };
  const shared = mysqlSession(pool, counter);
  const control = async (connection: mysql.PoolConnection, sql: string) => {
    counter.statements++;
    await connection.query(sql);
  };
  return {
    dialect: 'mysql',
    get statements() {
      return counter.statements;
    },
    ...shared,
    parallel: (work) => Promise.all(work(shared)),
    async pinned(work) {
      const connection = await pool.getConnection();
      try {
        return await work(mysqlSession(connection, counter));
      } finally {
        connection.release();
      }
    },
    async transaction(work) {
      const connection = await pool.getConnection();
      try {
        await control(connection, 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        await control(connection, 'START TRANSACTION');
        try {
          const result = await work(mysqlSession(connection, counter));
          await control(connection, 'COMMIT');
          return result;
        } catch (error) {
          await control(connection, 'ROLLBACK');
          throw error;
        }
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/** One sqlite3 connection with the app's pragmas; sqlite3 runs its statements one at a time. */
export async function openSqliteDriver(file: string): Promise<RawDriver> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(handle)));
  });
  const counter: Counter = { statements: 0 };
  const exec = (sql: string) =>
    new Promise<void>((resolve, reject) => {
      counter.statements++;
      db.exec(sql, (error) => (error ? reject(error) : resolve()));
    });
  await exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;');
  let queue: Promise<unknown> = Promise.resolve();
  const session: RawSession = {
    select: (sql, params = []) =>
      new Promise((resolve, reject) => {
        counter.statements++;
        db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as RawRow[])));
      }),
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        counter.statements++;
        db.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ insertId: this.lastID });
        });
      }),
  };
  return {
    dialect: 'sqlite',
    get statements() {
      return counter.statements;
    },
    ...session,
    parallel: (work) => Promise.all(work(session)),
    pinned: (work) => work(session),
    // One connection: its transactions run one after another, as the app runs one process's
    // SQLite write transactions (write-retry.ts).
    transaction(work) {
      const run = async () => {
        await exec('BEGIN IMMEDIATE');
        try {
          const result = await work(session);
          await exec('COMMIT');
          return result;
        } catch (error) {
          await exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function openRawDriver(config: SqlConfig): Promise<RawDriver> {
  return config.dialect === 'mysql' ? openMysqlDriver(config.url) : openSqliteDriver(config.storage);
}
