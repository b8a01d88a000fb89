import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { afterFailure, type LockoutPolicy, type LockoutState } from './lockout-policy';

/** Failed sign-ins live in the clinic database, so every workstation sees the same count. */
export async function readLockout(sql: SqlStore, accountKey: string): Promise<LockoutState | null> {
  const row = await sql.models.LoginFailure.findByPk(accountKey);
  return row ? { failedCount: row.failedCount, lockedUntil: row.lockedUntil } : null;
}

/**
 * Counts one failure atomically: the row is created if missing, then locked (FOR UPDATE on MySQL,
 * the write lock on SQLite) while the new count is computed, so two workstations failing at the
 * same moment both count.
 */
export async function recordFailure(sql: SqlStore, accountKey: string, now: Date, policy: LockoutPolicy): Promise<LockoutState> {
  const { LoginFailure } = sql.models;
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    await LoginFailure.bulkCreate([{ accountKey }], { ignoreDuplicates: true, transaction });
    const row = await LoginFailure.findByPk(accountKey, { transaction, lock: transaction.LOCK.UPDATE });
    const previous = row ? { failedCount: row.failedCount, lockedUntil: row.lockedUntil } : null;
    const next = afterFailure(previous, now, policy);
    await LoginFailure.update({ ...next, lastFailedAt: now }, { where: { accountKey }, transaction });
    return next;
  });
}

export async function clearFailures(sql: SqlStore, accountKey: string): Promise<void> {
  await sql.models.LoginFailure.destroy({ where: { accountKey } });
}
