import type { Transaction } from 'sequelize';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { offlineVerifierRepository, type VerifierKind } from '../../data/sql/repositories/offline-verifier-repository';
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

export type { VerifierKind };

function verifierKind(user: Pick<SessionUser, 'kind'>): VerifierKind | null {
  return user.kind === 'staff' || user.kind === 'doctor' ? user.kind : null;
}

/** Keeps (or replaces) the verifier of an account that has just signed in against the server. */
export async function cacheVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>, passwordHash: string, now: Date): Promise<void> {
  const kind = verifierKind(user);
  if (!kind) return; // patients sign in at the kiosk, never offline through this path
  await offlineVerifierRepository(local).keep(kind, user.id, passwordHash, now);
}

/** The cached hash of an account, or null when it never signed in here (or was pruned). */
export async function readVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>): Promise<string | null> {
  const kind = verifierKind(user);
  if (!kind) return null;
  return offlineVerifierRepository(local).read(kind, user.id);
}

export async function dropVerifier(local: SqlStore, user: Pick<SessionUser, 'kind' | 'id'>): Promise<void> {
  const kind = verifierKind(user);
  if (!kind) return;
  await offlineVerifierRepository(local).drop(kind, user.id);
}

const VERIFIER_KINDS: readonly VerifierKind[] = ['staff', 'doctor'];

/**
 * Removes every verifier whose account, as the mirror now holds it, is gone, not active, or
 * carries the stand-in of another password hash than the one cached. Run after a complete mirror pull: the
 * mirrored `admin` and `doctors` rows are then the server's. Returns how many were removed.
 */
export async function pruneOfflineVerifiers(local: SqlStore): Promise<number> {
  const verifiers = offlineVerifierRepository(local);
  return local.sequelize.transaction(async (transaction) => {
    let removed = 0;
    for (const kind of VERIFIER_KINDS) {
      // The mirror holds a stand-in of each hash, computed here: SQLite has no SHA-256.
      const rows = await verifiers.besideAccounts(kind, transaction);
      const revoked = rows.filter((row) => !row.active || !mirrorMatchesVerifier(row.mirroredHash, row.verifier)).map((row) => row.accountId);
      if (revoked.length === 0) continue;
      await verifiers.dropMany(kind, revoked, transaction);
      removed += revoked.length;
    }
    return removed;
  });
}

/** How many verifiers this workstation holds. */
export async function countVerifiers(local: SqlStore, transaction?: Transaction): Promise<number> {
  return offlineVerifierRepository(local).count(transaction);
}
