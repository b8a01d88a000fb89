import { Transaction, type Sequelize } from 'sequelize';
import { storeReplayKey } from './replay-key';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

function isRetryable(error: unknown): boolean {
  const e = error as { original?: { code?: string }; parent?: { code?: string }; code?: string };
  const code = e.original?.code ?? e.parent?.code ?? e.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * SQLite allows one writer at a time, and node-sqlite3 waits for the lock on a libuv pool
 * thread: with more waiting transactions than pool threads, the one holding the lock can get no
 * thread to finish on. So one process runs its SQLite write transactions one after another;
 * other processes on the same file still wait on the file lock (busy_timeout).
 */
const sqliteQueues = new WeakMap<Sequelize, Promise<unknown>>();

function serialized<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  const previous = sqliteQueues.get(sequelize) ?? Promise.resolve();
  const next = previous.then(work, work);
  sqliteQueues.set(sequelize, next.catch(() => undefined));
  return next;
}

/**
 * Runs a write transaction, retrying when the database chose it as a deadlock victim or the lock
 * wait ran out. On MySQL the transaction reads at READ COMMITTED: after waiting for a row lock
 * it must see what the lock holder committed, not a snapshot from before the wait.
 */
export async function inWriteTransaction<T>(
  sequelize: Sequelize,
  work: (transaction: Transaction) => Promise<T>,
  attempts = 6,
): Promise<T> {
  const mysql = sequelize.getDialect() === 'mysql';
  const options = mysql ? { isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED } : {};
  for (let attempt = 1; ; attempt++) {
    try {
      const run = () =>
        sequelize.transaction(options, async (transaction) => {
          const result = await work(transaction);
          await storeReplayKey(sequelize, transaction, result);
          return result;
        });
      return await (mysql ? run() : serialized(sequelize, run));
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
