import type { Sequelize, Transaction } from 'sequelize';
import type { Connection as MysqlConnection, ResultSetHeader } from 'mysql2';
import type { Database as SqliteDatabase, RunResult } from 'sqlite3';

/** A positional parameter (`?`): IN lists are spelled out by the caller with `marks(n)`. */
export type LeanParam = string | number | null;

/** `?, ?, ?`: the placeholders of an IN list of `count` values (at least one). */
export const marks = (count: number): string => Array.from({ length: Math.max(1, count) }, () => '?').join(', ');

/** The parts of Sequelize's instance and connection manager used here; public at run time, missing from its typings. */
interface SequelizeInternals {
  options: { dialect: string; logging?: false | ((sql: string, timing?: number) => void); benchmark?: boolean };
  connectionManager: {
    getConnection(options?: { type?: 'read' | 'write'; uuid?: string }): Promise<unknown>;
    releaseConnection(connection: unknown): void;
  };
}

type AnyConnection = MysqlConnection | SqliteDatabase;

/**
 * Where a statement runs: the transaction's own connection, or one Sequelize hands out for a
 * single statement (MySQL: from its pool, returned after; SQLite: its shared plain connection).
 */
async function withConnection<T>(sequelize: Sequelize, transaction: Transaction | undefined, work: (connection: AnyConnection) => Promise<T>): Promise<T> {
  const internals = sequelize as unknown as SequelizeInternals;
  const held = (transaction as unknown as { connection?: AnyConnection } | undefined)?.connection;
  if (held) return work(held);
  const manager = internals.connectionManager;
  const connection = (await manager.getConnection({ type: 'read', uuid: 'default' })) as AnyConnection;
  try {
    return await work(connection);
  } finally {
    // SQLite's plain connection is shared and stays open; only a pooled MySQL one goes back.
    if (internals.options.dialect === 'mysql') manager.releaseConnection(connection);
  }
}

const LEAN_WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b/i;
const leanWriteWatchers = new WeakMap<Sequelize, Set<() => void>>();

/**
 * Calls `watcher` after each write the lean path sends on this store (an INSERT, a COMMIT): they
 * bypass `sequelize.query`, where the replica router otherwise sees this workstation's writes
 * (read-your-writes: a read after a write must not go to a replica that has not applied it).
 */
export function watchLeanWrites(sequelize: Sequelize, watcher: () => void): void {
  const watchers = leanWriteWatchers.get(sequelize) ?? new Set<() => void>();
  watchers.add(watcher);
  leanWriteWatchers.set(sequelize, watchers);
}

function noteLeanWrite(sequelize: Sequelize, sql: string): void {
  if (!LEAN_WRITE.test(sql)) return;
  for (const watcher of leanWriteWatchers.get(sequelize) ?? []) watcher();
}

/**
 * Reports the statement to Sequelize's logging hook, as its own pipeline does: the statement
 * counts of tests and the benchmark (`query-counter.ts`) see these statements too.
 */
function report(sequelize: Sequelize, sql: string, started: number): void {
  const { logging, benchmark } = (sequelize as unknown as SequelizeInternals).options;
  if (typeof logging !== 'function') return;
  const label = `Executed (default): ${sql}`;
  if (benchmark) logging(label, performance.now() - started);
  else logging(label);
}

/**
 * mysql2's own conversions, with the connection's UTC zone and DATE-as-text settings, instead of
 * the connection's Sequelize callback (a lookup per field, DATETIMEs parsed with moment). A
 * function, because mysql2 puts the connection's callback in place of anything else.
 */
const driverTypeCast = (_field: unknown, next: () => unknown): unknown => next();

function mysqlCall<R>(connection: MysqlConnection, sql: string, params: readonly LeanParam[]): Promise<R> {
  return new Promise((resolve, reject) => {
    connection.query({ sql, values: params as LeanParam[], typeCast: driverTypeCast }, (error, result) => (error ? reject(error) : resolve(result as R)));
  });
}

/**
 * The rows of one SELECT, sent straight to the driver Sequelize already holds: no replacement
 * parsing, hooks, retry wrapper or query object per call. For the hottest reads only (the day
 * view, the schedules, the booking's locks), where that pipeline cost as much as the database.
 * The reference cache watches writes to its tables on `sequelize.query`; the lean path writes
 * none of them. The replica router learns of lean writes through `watchLeanWrites`.
 */
export function leanSelect<Row>(sequelize: Sequelize, sql: string, params: readonly LeanParam[], transaction?: Transaction): Promise<Row[]> {
  const started = performance.now();
  return withConnection(sequelize, transaction, async (connection) => {
    try {
      if ((sequelize as unknown as SequelizeInternals).options.dialect === 'mysql') return await mysqlCall<Row[]>(connection as MysqlConnection, sql, params);
      return await new Promise<Row[]>((resolve, reject) => {
        (connection as SqliteDatabase).all(sql, params as LeanParam[], (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows)));
      });
    } finally {
      report(sequelize, sql, started);
    }
  });
}

/**
 * A statement without parameters or rows (SET TRANSACTION, BEGIN, COMMIT, ROLLBACK) on a
 * connection the caller holds (a transaction's), reported to the logging hook like the others.
 */
export async function leanControl(sequelize: Sequelize, connection: unknown, sql: string): Promise<void> {
  const started = performance.now();
  try {
    if ((sequelize as unknown as SequelizeInternals).options.dialect === 'mysql') {
      await mysqlCall<unknown>(connection as MysqlConnection, sql, []);
    } else {
      await new Promise<void>((resolve, reject) => {
        (connection as SqliteDatabase).exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
      });
    }
    noteLeanWrite(sequelize, sql);
  } finally {
    report(sequelize, sql, started);
  }
}

/** One INSERT on the transaction's connection; the new row's id. See `leanSelect` for why. */
export function leanInsert(sequelize: Sequelize, sql: string, params: readonly LeanParam[], transaction: Transaction): Promise<number> {
  const started = performance.now();
  return withConnection(sequelize, transaction, async (connection) => {
    try {
      const insertId =
        (sequelize as unknown as SequelizeInternals).options.dialect === 'mysql'
          ? (await mysqlCall<ResultSetHeader>(connection as MysqlConnection, sql, params)).insertId
          : await new Promise<number>((resolve, reject) => {
              (connection as SqliteDatabase).run(sql, params as LeanParam[], function (this: RunResult, error: Error | null) {
                if (error) reject(error);
                else resolve(this.lastID);
              });
            });
      noteLeanWrite(sequelize, sql);
      return insertId;
    } finally {
      report(sequelize, sql, started);
    }
  });
}
