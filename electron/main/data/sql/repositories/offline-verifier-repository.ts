import { QueryTypes, type Transaction } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** The two kinds of account that sign in at a workstation, and the mirrored table each lives in. */
export type VerifierKind = 'staff' | 'doctor';
const ACCOUNT_TABLES: Readonly<Record<VerifierKind, string>> = { staff: 'admin', doctor: 'doctors' };

/** A cached verifier beside the account as the mirror now holds it (null columns: the account is gone). */
export interface VerifierBesideAccount {
  accountId: number;
  verifier: string;
  mirroredHash: string | null;
  active: boolean;
}

/** The `offline_verifiers` table of a workstation's own SQLite file. */
export interface OfflineVerifierRepository {
  /** Keeps (or replaces) the verifier of one account. */
  keep(kind: VerifierKind, accountId: number, passwordHash: string, cachedAt: Date): Promise<void>;
  read(kind: VerifierKind, accountId: number): Promise<string | null>;
  drop(kind: VerifierKind, accountId: number): Promise<void>;
  /** Every verifier of a kind beside its mirrored account: one LEFT JOIN. */
  besideAccounts(kind: VerifierKind, transaction: Transaction): Promise<VerifierBesideAccount[]>;
  dropMany(kind: VerifierKind, accountIds: number[], transaction: Transaction): Promise<void>;
  count(transaction?: Transaction): Promise<number>;
}

export function offlineVerifierRepository(local: SqlStore): OfflineVerifierRepository {
  const { sequelize } = local;
  return {
    async keep(kind, accountId, passwordHash, cachedAt) {
      await sequelize.query(
        `INSERT INTO offline_verifiers (account_kind, account_id, password_hash, cached_at) VALUES (:kind, :id, :hash, :now)
         ON CONFLICT (account_kind, account_id) DO UPDATE SET password_hash = excluded.password_hash, cached_at = excluded.cached_at`,
        { replacements: { kind, id: accountId, hash: passwordHash, now: cachedAt.toISOString() } },
      );
    },

    async read(kind, accountId) {
      const [row] = await sequelize.query<{ hash: string }>(
        'SELECT password_hash AS hash FROM offline_verifiers WHERE account_kind = :kind AND account_id = :id',
        { type: QueryTypes.SELECT, replacements: { kind, id: accountId } },
      );
      return row?.hash ?? null;
    },

    async drop(kind, accountId) {
      await sequelize.query('DELETE FROM offline_verifiers WHERE account_kind = :kind AND account_id = :id', {
        replacements: { kind, id: accountId },
      });
    },

    async besideAccounts(kind, transaction) {
      const rows = await sequelize.query<{ id: number; verifier: string; mirrored: string | null; active: number | null }>(
        `SELECT v.account_id AS id, v.password_hash AS verifier, a.password_hash AS mirrored, a.is_active AS active
         FROM offline_verifiers v LEFT JOIN ${ACCOUNT_TABLES[kind]} a ON a.id = v.account_id
         WHERE v.account_kind = :kind`,
        { type: QueryTypes.SELECT, replacements: { kind }, transaction },
      );
      return rows.map((row) => ({ accountId: Number(row.id), verifier: row.verifier, mirroredHash: row.mirrored, active: Number(row.active) === 1 }));
    },

    async dropMany(kind, accountIds, transaction) {
      await sequelize.query('DELETE FROM offline_verifiers WHERE account_kind = :kind AND account_id IN (:ids)', {
        replacements: { kind, ids: accountIds },
        transaction,
      });
    },

    async count(transaction) {
      const [row] = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM offline_verifiers', { type: QueryTypes.SELECT, transaction });
      return Number(row?.n ?? 0);
    },
  };
}
