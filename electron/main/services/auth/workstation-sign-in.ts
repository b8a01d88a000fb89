import { PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionInfo, SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { WorkstationSession } from '../../session';
import { loadClinicSettings } from '../scheduling/rules';
import { notAvailableOffline, offlineUnlockHash, signInOffline } from './offline-sign-in';
import { accountKey } from '../accounts';
import { clearFailures } from './lockout-store';
import { cacheVerifier } from './offline-verifiers';
import { authenticate, checkPassword, passwordHashOf } from './sign-in';

/** The clinic's store and this workstation's own file (the same store in standalone mode). */
export interface SignInStores {
  sql: SqlStore;
  local: SqlStore;
}

/**
 * How a sign-in is checked: `offline` is true while the runtime serves from the mirror (the
 * clinic server cannot be reached); then only accounts with a verifier on this workstation get in.
 */
export interface SignInMode {
  offline: boolean;
}

/**
 * How a user comes to own this workstation's session, whichever way they got there (first-run
 * setup, sign-in): always with the clinic's current inactivity setting.
 */
export async function startSession(session: WorkstationSession, sql: SqlStore, user: SessionUser): Promise<SessionInfo> {
  session.signIn(user, (await loadClinicSettings(sql.models)).inactivityLockMinutes);
  return session.info();
}

export async function signInAtWorkstation(
  session: WorkstationSession,
  stores: SignInStores,
  credentials: { identifier: string; password: string },
  now: Date,
  mode: SignInMode = { offline: false },
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<SessionInfo> {
  // A kiosk is left only through kiosk.exit (a desk or admin password), never by a plain sign-in.
  if (session.inKiosk) throw new AppFailure('CONFLICT', 'This workstation is a patient kiosk. Staff leave kiosk mode with their password first.');
  if (mode.offline) return startSession(session, stores.local, await signInOffline(stores.local, credentials, now, cost));
  const { user, passwordHash } = await authenticate(stores.sql, credentials, 'staff', now, cost);
  if (stores.local !== stores.sql) await rememberForOffline(stores.local, user, passwordHash, now);
  return startSession(session, stores.sql, user);
}

/**
 * A networked workstation keeps the verifier, and forgets failures counted here while offline
 * (a good sign-in ends a run of failures, wherever it happens). If its own file cannot take
 * them, the sign-in still goes on: offline sign-in just stays unavailable for this account.
 */
async function rememberForOffline(local: SqlStore, user: SessionUser, passwordHash: string, now: Date): Promise<void> {
  try {
    await cacheVerifier(local, user, passwordHash, now);
    await clearFailures(local, accountKey(user));
  } catch {
    // Nothing to report that is not about this user's sign-in; the next sign-in tries again.
  }
}

/**
 * Ends the lock with the signed-in user's password, counted like a sign-in (a locked screen is
 * no way around the lockout). An account deactivated meanwhile loses the session.
 */
export async function unlockWorkstation(
  session: WorkstationSession,
  stores: SignInStores,
  user: SessionUser,
  password: string,
  now: Date,
  mode: SignInMode = { offline: false },
): Promise<SessionInfo> {
  // Offline, the lock opens with the verifier kept here (and failures count in the local file).
  const store = mode.offline ? stores.local : stores.sql;
  const account = mode.offline ? await offlineUnlockHash(store, user) : await passwordHashOf(store, user);
  if (mode.offline && !account) {
    // No verifier (never kept, or revoked by the last sync): the session cannot be reopened here.
    session.signOut();
    throw notAvailableOffline();
  }
  if (!account?.isActive) {
    session.signOut();
    throw new AppFailure('ACCOUNT_INACTIVE', 'This account is no longer active. Sign in as another user.');
  }
  await checkPassword(store, user, account.passwordHash, password, now);
  session.unlock();
  return session.info();
}
