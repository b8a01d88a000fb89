import { QueryTypes, type Transaction } from 'sequelize';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { mirrorMatchesVerifier } from './mirrored-hash';

/**
 * The verifiers a networked workstation keeps for signing in while the clinic server is away
 * (table `offline_verifiers` in its own SQLite file). A verifier is the server's own password
 * hash, copied when the account signed in here against the server: the same scrypt string, so
 * the copy is exactly as hard to attack as the original, and no weaker one is ever made.
 *
 * A verifier lives only as long as the account stays as it was: every mirror pull prunes
 * verifiers whose account is gone, deactivated, or whose password hash changed on the server
 * (a reset or a change), so such an account stops working offline at the next sync.
 */

export type VerifierKind = 'staff' | 'doctor';

/** The mirrored table each kind of account lives in; only these two sign in at a workstation. */
const ACCOUNT_TABLES: Readonly<Record<VerifierKind, string>> = { staff: 'admin', doctor: 'doctors' };

function verifierKind(user: Pick<SessionUser, 'kind'>): VerifierKind | null {
  return user.kind === 'staff' || user.kind === 'doctor' ? user.kind : null;
}

/** Keeps (or replaces) the verifier of an account that has just signed in against the server. */
export async function cacheVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>, passwordHash: string, now: Date): Promise<void> {
  const kind = verifierKind(user);
  if (!kind) return; // patients sign in at the kiosk, never offline through this path
  await local.sequelize.query(
    `INSERT INTO offline_verifiers (account_kind, account_id, password_hash, cached_at) VALUES (:kind, :id, :hash, :now)
     ON CONFLICT (account_kind, account_id) DO UPDATE SET password_hash = excluded.password_hash, cached_at = excluded.cached_at`,
    { replacements: { kind, id: user.id, hash: passwordHash, now: now.toISOString() } },
  );
}

/** The cached hash of an account, or null when it never signed in here (or was pruned). */
export async function readVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>): Promise<string | null> {
  const kind = verifierKind(user);
  if (!kind) return null;
  const [row] = await local.sequelize.query<{ hash: string }>(
    'SELECT password_hash AS hash FROM offline_verifiers WHERE account_kind = :kind AND account_id = :id',
    { type: QueryTypes.SELECT, replacements: { kind, id: user.id } },
  );
  return row?.hash ?? null;
}

export async function dropVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>): Promise<void> {
  const kind = verifierKind(user);
  if (!kind) return;
  await local.sequelize.query('DELETE FROM offline_verifiers WHERE account_kind = :kind AND account_id = :id', {
    replacements: { kind, id: user.id },
  });
}

/**
 * Removes every verifier whose account, as the mirror now holds it, is gone, not active, or
 * carries the stand-in of another password hash than the one cached. Run after a complete mirror pull: the
 * mirrored `admin` and `doctors` rows are then the server's. Returns how many were removed.
 */
export async function pruneOfflineVerifiers(local: SqlStore): Promise<number> {
  return local.sequelize.transaction(async (transaction) => {
    let removed = 0;
    for (const [kind, table] of Object.entries(ACCOUNT_TABLES)) {
      // The mirror holds a stand-in of each hash, computed here: SQLite has no SHA-256.
      const rows = await local.sequelize.query<{ id: number; verifier: string; mirrored: string | null; active: number | null }>(
        `SELECT v.account_id AS id, v.password_hash AS verifier, a.password_hash AS mirrored, a.is_active AS active
         FROM offline_verifiers v LEFT JOIN ${table} a ON a.id = v.account_id
         WHERE v.account_kind = :kind`,
        { type: QueryTypes.SELECT, replacements: { kind }, transaction },
      );
      const revoked = rows.filter((row) => Number(row.active) !== 1 || !mirrorMatchesVerifier(row.mirrored, row.verifier)).map((row) => Number(row.id));
      if (revoked.length === 0) continue;
      await local.sequelize.query('DELETE FROM offline_verifiers WHERE account_kind = :kind AND account_id IN (:ids)', {
        replacements: { kind, ids: revoked },
        transaction,
      });
      removed += revoked.length;
    }
    return removed;
  });
}

/** How many verifiers this workstation holds. */
export async function countVerifiers(local: SqlStore, transaction?: Transaction): Promise<number> {
  const [row] = await local.sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM offline_verifiers', { type: QueryTypes.SELECT, transaction });
  return Number(row?.n ?? 0);
}
