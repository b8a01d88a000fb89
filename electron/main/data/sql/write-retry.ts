import { Transaction, type Sequelize } from 'sequelize';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED']);

function isRetryable(error: unknown): boolean {
  const e = error as { original?: { code?: string }; parent?: { code?: string }; code?: string };
  const code = e.original?.code ?? e.parent?.code ?? e.code;
  return code !== undefined && RETRYABLE.has(code);
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
  const options = sequelize.getDialect() === 'mysql' ? { isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED } : {};
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction(options, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
