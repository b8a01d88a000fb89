import { AsyncLocalStorage } from 'node:async_hooks';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { AppFailure } from '../../../../shared/ipc/result';

/**
 * The outbox key of the offline change being replayed on the server, carried through the
 * services without changing their signatures. The first write transaction of the replayed call
 * stores the key in sync_applied_writes inside that same transaction: the change and the record
 * that it happened commit together, so a replay repeated after a lost reply finds the key and
 * changes nothing (ALREADY_APPLIED) instead of applying the change twice.
 */
interface ReplayKey {
  key: string;
  channel: string;
  stored: boolean;
}

const current = new AsyncLocalStorage<ReplayKey>();

export function withReplayKey<T>(key: string, channel: string, work: () => Promise<T>): Promise<T> {
  return current.run({ key, channel, stored: false }, work);
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { name?: string; original?: { code?: string }; parent?: { code?: string } };
  const code = e.original?.code ?? e.parent?.code;
  return e.name === 'SequelizeUniqueConstraintError' || code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT';
}

function asJson(result: unknown): string | null {
  try {
    return result === undefined ? null : JSON.stringify(result);
  } catch {
    return null;
  }
}

/**
 * Called at the end of a write transaction's work: stores the replay key once per replayed call,
 * with what the transaction produced (often the record it created), so a replay whose reply was
 * lost can still learn the server's ids; the full answer replaces it once the call returns.
 */
export async function storeReplayKey(sequelize: Sequelize, transaction: Transaction, result: unknown): Promise<void> {
  const replay = current.getStore();
  if (!replay || replay.stored) return;
  try {
    await sequelize.query('INSERT INTO sync_applied_writes (write_key, channel, output, applied_at) VALUES (:key, :channel, :output, :now)', {
      type: QueryTypes.INSERT,
      replacements: { key: replay.key, channel: replay.channel, output: asJson(result), now: new Date() },
      transaction,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppFailure('ALREADY_APPLIED', 'This change already reached the clinic server.');
    throw error;
  }
  // Only a committed key counts: a deadlock retry of this transaction stores it again.
  transaction.afterCommit(() => {
    replay.stored = true;
  });
}

/** Records the key after a call whose writes did not run in a write transaction (or had none). */
export async function storeReplayKeyAfter(sequelize: Sequelize, key: string, channel: string, output: unknown): Promise<void> {
  const body = output === undefined ? null : JSON.stringify(output);
  const [existing] = await sequelize.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM sync_applied_writes WHERE write_key = :key', {
    type: QueryTypes.SELECT,
    replacements: { key },
  });
  if (Number(existing?.n ?? 0) > 0) {
    await sequelize.query('UPDATE sync_applied_writes SET output = :body WHERE write_key = :key', { replacements: { key, body } });
    return;
  }
  await sequelize.query('INSERT INTO sync_applied_writes (write_key, channel, output, applied_at) VALUES (:key, :channel, :body, :now)', {
    replacements: { key, channel, body, now: new Date() },
  });
}

export async function appliedOutput(sequelize: Sequelize, key: string): Promise<{ found: boolean; output: unknown }> {
  const rows = await sequelize.query<{ output: string | null }>('SELECT output FROM sync_applied_writes WHERE write_key = :key', {
    type: QueryTypes.SELECT,
    replacements: { key },
  });
  const row = rows[0];
  if (!row) return { found: false, output: undefined };
  return { found: true, output: row.output === null ? undefined : (JSON.parse(row.output) as unknown) };
}
