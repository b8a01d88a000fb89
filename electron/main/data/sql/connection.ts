import { Sequelize, Transaction, type Options } from 'sequelize';
import mysql2 from 'mysql2';
import sqlite3 from 'sqlite3';

import { leanControl } from './lean-statements';
import type { ReplicaRouting } from './read-routing';
import { readBackServerStamps } from './server-stamps';
import { writeReplacementDatesInUtc } from './utc-replacements';

/**
 * Where the relational store lives: the clinic's MySQL/MariaDB server or the local SQLite file.
 * A server may have read replicas (`readUrls`, same database name on each) and a pool size.
 */
export type SqlConfig =
  | { dialect: 'mysql'; url: string; poolMax?: number; readUrls?: readonly string[]; routing?: ReplicaRouting; statementTimeoutMs?: number }
  | { dialect: 'sqlite'; storage: string };

/**
 * How long one statement waits for the server's answer before its connection is given up. Longer
 * than InnoDB's lock wait (50 s by default), so a statement waiting for a row lock gets the
 * server's own answer; a server that stopped answering (a hung host, a cut cable that leaves the
 * socket open) fails the call as unreachable instead of holding it, and its pooled connection,
 * forever.
 */
export const DEFAULT_MYSQL_STATEMENT_TIMEOUT_MS = 60_000;

/** The error a statement fails with when the server did not answer in time; read as "unreachable" (outbox/connection-errors.ts). */
export function serverSilentError(timeoutMs: number): Error & { code: string } {
  return Object.assign(new Error(`The database server did not answer within ${Math.round(timeoutMs / 1000)} s`), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' });
}

type DriverCallback = (...result: unknown[]) => void;

/** The parts of a mysql2 connection bounded below. */
interface MysqlHandle {
  query(...args: unknown[]): unknown;
  execute(...args: unknown[]): unknown;
  stream: { destroy(error?: Error): void };
}

/**
 * mysql2 waits for an answer as long as the socket stays open, and a server that stops answering
 * without closing it (SIGSTOP, a hung VM, a stateful firewall dropping packets) leaves a call, its
 * transaction and its pooled connection waiting forever. Every statement on the connection (what
 * Sequelize sends and the lean statements alike) arms a timer; when it fires the socket is
 * destroyed with `serverSilentError`, which fails the statement, and the pool discards the
 * connection (its `_fatalError` is set).
 */
function boundStatements(connection: MysqlHandle, timeoutMs: number): void {
  for (const method of ['query', 'execute'] as const) {
    const call = connection[method].bind(connection);
    connection[method] = (...args: unknown[]) => {
      const callback = args[args.length - 1];
      if (typeof callback !== 'function') return call(...args);
      const timer = setTimeout(() => connection.stream.destroy(serverSilentError(timeoutMs)), timeoutMs);
      timer.unref();
      args[args.length - 1] = (...result: unknown[]) => {
        clearTimeout(timer);
        (callback as DriverCallback)(...result);
      };
      return call(...args);
    };
  }
}

/**
 * Connections one workstation keeps to the clinic server at most. Calls beyond it wait for a
 * free connection (up to `acquire`), they do not fail. A MariaDB server allows 151 connections
 * by default: 20 workstations × (5 to the primary + 5 to each replica) leave room for the
 * backups, the admin's tools and replication itself.
 */
export const DEFAULT_MYSQL_POOL_MAX = 5;

export type SqlDialect = SqlConfig['dialect'];

/**
 * Run on every SQLite connection before Sequelize gets it. Sequelize opens one connection for
 * plain queries and one more per transaction, and its afterConnect hook never fires for SQLite,
 * so the pragmas are applied where the connection is opened (see withConnectionPragmas).
 * - foreign_keys: off by default in SQLite; the seed's CASCADE/RESTRICT/SET NULL depend on it.
 * - journal_mode WAL: readers do not block the writer; persistent in the file once set.
 * - busy_timeout: a second connection (a transaction) waits for the write lock instead of
 *   failing at once with SQLITE_BUSY.
 */
const SQLITE_PRAGMAS = ['PRAGMA foreign_keys = ON', 'PRAGMA journal_mode = WAL', 'PRAGMA busy_timeout = 5000'];

type OpenCallback = (error: Error | null) => void;

/**
 * A stand-in for the sqlite3 module whose `Database` runs the pragmas and only then reports the
 * connection open. Sequelize awaits that report before it uses a new connection, so no query can
 * overtake the pragmas. Everything else (OPEN_* flags) is inherited from the real module.
 */
function withConnectionPragmas(lib: typeof sqlite3): object {
  function Database(filename: string, mode: number, callback: OpenCallback): sqlite3.Database {
    const db: sqlite3.Database = new lib.Database(filename, mode, (openError) => {
      if (openError) return callback(openError);
      db.exec(`${SQLITE_PRAGMAS.join(';\n')};`, (pragmaError) => callback(pragmaError));
    });
    return db; // returned from a constructor call, so `new Database(...)` yields the real handle
  }
  return Object.create(lib, { Database: { value: Database, enumerable: true } }) as object;
}

/** Parsed by hand so that credentials with URL-escaped characters reach the driver decoded. */
function mysqlOptions(url: string, poolMax: number, connectTimeout: number): Options {
  const parsed = new URL(url);
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error('The MySQL URL must start with mysql:// or mariadb://');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) throw new Error('The MySQL URL must name a database, e.g. mysql://user:password@host:3306/clinic');
  return {
    dialect: 'mysql',
    dialectModule: mysql2,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    database,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    // Timestamps are stored and read in UTC whatever the workstation's zone; Sequelize also sets
    // the session time_zone, so CURRENT_TIMESTAMP defaults are UTC too.
    timezone: '+00:00',
    dialectOptions: {
      charset: 'utf8mb4',
      // Calendar dates stay 'YYYY-MM-DD' strings (a Date would shift them by the local zone).
      // TIME columns are strings in mysql2 already ('HH:MM:SS').
      dateStrings: ['DATE'],
      connectTimeout,
    },
    // A front-desk workstation runs a handful of queries at once; many workstations share the
    // server's max_connections, so keep each pool small and let idle connections go.
    pool: { max: poolMax, min: 0, idle: 10_000, acquire: 20_000, evict: 5_000 },
  };
}

function sqliteOptions(storage: string): Options {
  return {
    dialect: 'sqlite',
    dialectModule: withConnectionPragmas(sqlite3),
    storage,
    timezone: '+00:00',
    // Take the write lock at BEGIN: a deferred transaction that reads and then writes can fail
    // with SQLITE_BUSY (no waiting) when another connection wrote in between.
    transactionType: Transaction.TYPES.IMMEDIATE,
  };
}

type SqliteHandle = sqlite3.Database & { uuid?: string };

/** The parts of Sequelize's SQLite connection manager (lib/dialects/sqlite/connection-manager.js) patched below. */
interface SqliteConnectionManager {
  connections: Record<string, SqliteHandle>;
  getConnection(options?: { uuid?: string }): Promise<SqliteHandle>;
  releaseConnection(connection: SqliteHandle, force?: boolean): void;
  _onProcessExit(): Promise<void>;
}

/** Transaction connections kept open between transactions; write transactions run one at a time. */
const MAX_IDLE_SQLITE_CONNECTIONS = 2;

/**
 * Sequelize's SQLite dialect opens a new connection for every transaction (the file, our pragmas,
 * its own PRAGMA) and closes it at the end: that was half the cost of a booking in standalone
 * mode. Here a finished transaction's connection waits for the next transaction instead. Its
 * pragmas stay set; SQLite leaves nothing else behind a COMMIT or ROLLBACK.
 */
function reuseSqliteTransactionConnections(sequelize: Sequelize): void {
  const manager = (sequelize as unknown as { connectionManager: SqliteConnectionManager }).connectionManager;
  const idle: SqliteHandle[] = [];
  const open = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  const exit = manager._onProcessExit.bind(manager);
  manager.getConnection = async (options = {}) => {
    const uuid = options.uuid ?? 'default';
    const reused = uuid !== 'default' && !manager.connections[uuid] ? idle.pop() : undefined;
    if (!reused) return open(options);
    manager.connections[uuid] = reused;
    return reused;
  };
  manager.releaseConnection = (connection, force) => {
    if (!force && connection.uuid && connection.uuid !== 'default' && idle.length < MAX_IDLE_SQLITE_CONNECTIONS) {
      delete manager.connections[connection.uuid];
      idle.push(connection);
      return;
    }
    release(connection, force);
  };
  manager._onProcessExit = async () => {
    await Promise.all(idle.splice(0).map((connection) => new Promise<void>((resolve) => connection.close(() => resolve()))));
    return exit();
  };
}

/** The parts of Sequelize's QueryInterface and Transaction that start and end a transaction (public at run time). */
interface TransactionControl {
  setIsolationLevel(transaction: ControlledTransaction, value: string | undefined, options?: object): Promise<unknown>;
  startTransaction(transaction: ControlledTransaction, options?: object): Promise<unknown>;
  commitTransaction(transaction: ControlledTransaction, options?: object): Promise<unknown>;
  rollbackTransaction(transaction: ControlledTransaction, options?: object): Promise<unknown>;
  queryGenerator: {
    setIsolationLevelQuery(value: string, options: { parent?: unknown }): string | undefined;
    startTransactionQuery(transaction: ControlledTransaction): string;
    commitTransactionQuery(transaction: ControlledTransaction): string;
    rollbackTransactionQuery(transaction: ControlledTransaction): string;
  };
}
interface ControlledTransaction {
  parent?: unknown;
  connection?: unknown;
  finished?: string;
}

/** How often BEGIN is tried when the SQLite file stays locked past busy_timeout: as Sequelize's own retry of a busy statement. */
const SQLITE_BEGIN_ATTEMPTS = 5;

/**
 * The statements that set up, start and end a transaction sent straight to the transaction's
 * connection (`leanControl`), not through Sequelize's statement pipeline: there each cost about
 * a millisecond of CPU, as much as a booking's own reads (SQLite: 2 of its 7 statements; MySQL:
 * 3 of 9, run while the transaction holds one of the pool's few connections). Savepoints (nested
 * transactions) keep Sequelize's way. The statements still reach the logging hook, so statement
 * counts hold; none of them is a write the reference cache or the replica router watches.
 */
function leanTransactionControl(sequelize: Sequelize): void {
  const control = sequelize.getQueryInterface() as unknown as TransactionControl;
  const generator = control.queryGenerator;
  const original = {
    isolation: control.setIsolationLevel.bind(control),
    start: control.startTransaction.bind(control),
    commit: control.commitTransaction.bind(control),
    rollback: control.rollbackTransaction.bind(control),
  };
  const sqlite = sequelize.getDialect() === 'sqlite';
  const send = (transaction: ControlledTransaction, sql: string) => leanControl(sequelize, transaction.connection, sql);
  const outermost = (transaction: ControlledTransaction) => !transaction.parent && transaction.connection !== undefined;
  control.setIsolationLevel = async (transaction, value, options) => {
    if (!outermost(transaction) || !value) return original.isolation(transaction, value, options);
    const sql = generator.setIsolationLevelQuery(value, {});
    // SQLite answers some levels with a comment ("-- … nothing to do"): nothing to send.
    if (sql && !sql.startsWith('-- ')) await send(transaction, sql);
  };
  control.startTransaction = async (transaction, options) => {
    if (!outermost(transaction)) return original.start(transaction, options);
    for (let attempt = 1; ; attempt++) {
      try {
        return await send(transaction, generator.startTransactionQuery(transaction));
      } catch (error) {
        const busy = sqlite && (error as { code?: string }).code === 'SQLITE_BUSY';
        if (!busy || attempt >= SQLITE_BEGIN_ATTEMPTS) throw error;
      }
    }
  };
  control.commitTransaction = async (transaction, options) => {
    if (!outermost(transaction)) return original.commit(transaction, options);
    const done = send(transaction, generator.commitTransactionQuery(transaction));
    transaction.finished = 'commit';
    return done;
  };
  control.rollbackTransaction = async (transaction, options) => {
    if (!outermost(transaction)) return original.rollback(transaction, options);
    const done = send(transaction, generator.rollbackTransactionQuery(transaction));
    transaction.finished = 'rollback';
    return done;
  };
}

/**
 * A Sequelize instance for either dialect; no connection is made until first use. A replica gets
 * a short connect timeout: when it is away, the read goes to the primary instead of waiting.
 */
export function createSequelize(config: SqlConfig, role: 'primary' | 'replica' = 'primary'): Sequelize {
  const options =
    config.dialect === 'mysql'
      ? mysqlOptions(config.url, config.poolMax ?? DEFAULT_MYSQL_POOL_MAX, role === 'replica' ? 3_000 : 10_000)
      : sqliteOptions(config.storage);
  const sequelize = new Sequelize({ ...options, logging: false, benchmark: false });
  if (config.dialect === 'sqlite') reuseSqliteTransactionConnections(sequelize);
  if (config.dialect === 'mysql') {
    const timeoutMs = config.statementTimeoutMs ?? DEFAULT_MYSQL_STATEMENT_TIMEOUT_MS;
    sequelize.addHook('afterConnect', (connection) => boundStatements(connection as MysqlHandle, timeoutMs));
  }
  leanTransactionControl(sequelize);
  writeReplacementDatesInUtc(sequelize, config.dialect);
  readBackServerStamps(sequelize);
  return sequelize;
}

/** Which of our two dialects a Sequelize instance speaks. */
export function dialectOf(sequelize: Sequelize): SqlDialect {
  const dialect = sequelize.getDialect();
  if (dialect === 'mysql' || dialect === 'sqlite') return dialect;
  throw new Error(`Unsupported SQL dialect: ${dialect}`);
}
