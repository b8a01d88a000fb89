import { PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { mirrorMatchesVerifier } from './mirrored-hash';
import { dropVerifier, readVerifier } from './offline-verifiers';
import { accountInactive, checkPassword, findAccount, spendDecoyHash } from './sign-in';

/**
 * Signing in while the clinic server is away, from this workstation's own SQLite file: only
 * accounts that signed in here against the server (they have a verifier), whose mirrored row
 * still exists, with the same lockout rule as online (failures counted in the local file, under
 * the mirrored lockout settings). Nothing is written to the mirrored account rows: the mirror
 * only ever takes the server's values.
 */

/** One answer for an unknown name and for an account without a verifier: neither is told apart. */
export function notAvailableOffline(): AppFailure {
  return new AppFailure(
    'OFFLINE',
    'The clinic server cannot be reached. While it is away, only people who have signed in on this workstation before can sign in here. Sign in once the server is back, or use a workstation you have signed in on.',
    { offline: true },
  );
}

export async function signInOffline(local: SqlStore, credentials: { identifier: string; password: string }, now: Date, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<SessionUser> {
  const account = await findAccount(local, credentials.identifier, 'staff');
  const verifier = account ? await readVerifier(local, account.user) : null;
  if (!account || !verifier) {
    await spendDecoyHash(credentials.password, cost);
    throw notAvailableOffline();
  }
  if (!mirrorMatchesVerifier(account.passwordHash, verifier)) {
    // The mirror already holds a newer password than the one cached (a pull ran and the prune
    // did not): the cached one is revoked, as the prune would have done.
    await dropVerifier(local, account.user);
    await spendDecoyHash(credentials.password, cost);
    throw notAvailableOffline();
  }
  await checkPassword(local, account.user, verifier, credentials.password, now);
  if (!account.isActive) throw accountInactive();
  return account.user;
}

/** The hash a signed-in user unlocks the screen with while offline; their verifier, under the same conditions as a sign-in. */
export async function offlineUnlockHash(local: SqlStore, user: SessionUser): Promise<{ passwordHash: string; isActive: boolean } | null> {
  const verifier = await readVerifier(local, user);
  if (!verifier) return null;
  const row =
    user.kind === 'staff'
      ? await local.models.Admin.findByPk(user.id, { attributes: ['passwordHash', 'isActive'] })
      : user.kind === 'doctor'
        ? await local.models.Doctor.findByPk(user.id, { attributes: ['passwordHash', 'isActive'] })
        : null;
  if (!row || !mirrorMatchesVerifier(row.passwordHash, verifier)) return null;
  return { passwordHash: verifier, isActive: row.isActive };
}
