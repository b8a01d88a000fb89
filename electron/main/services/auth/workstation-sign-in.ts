import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionInfo, SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { WorkstationSession } from '../../session';
import { loadClinicSettings } from '../scheduling/rules';
import { checkPassword, passwordHashOf, signIn } from './sign-in';

/**
 * How a user comes to own this workstation's session, whichever way they got there (first-run
 * setup, sign-in): always with the clinic's current inactivity setting.
 */
export async function startSession(session: WorkstationSession, sql: SqlStore, user: SessionUser): Promise<SessionInfo> {
  session.signIn(user, (await loadClinicSettings(sql.models)).inactivityLockMinutes);
  return session.info();
}

export async function signInAtWorkstation(session: WorkstationSession, sql: SqlStore, credentials: { identifier: string; password: string }, now: Date): Promise<SessionInfo> {
  // A kiosk is left only through kiosk.exit (a desk or admin password), never by a plain sign-in.
  if (session.inKiosk) throw new AppFailure('CONFLICT', 'This workstation is a patient kiosk. Staff leave kiosk mode with their password first.');
  return startSession(session, sql, await signIn(sql, credentials, 'staff', now));
}

/**
 * Ends the lock with the signed-in user's password, counted like a sign-in (a locked screen is
 * no way around the lockout). An account deactivated meanwhile loses the session.
 */
export async function unlockWorkstation(session: WorkstationSession, sql: SqlStore, user: SessionUser, password: string, now: Date): Promise<SessionInfo> {
  const account = await passwordHashOf(sql, user);
  if (!account?.isActive) {
    session.signOut();
    throw new AppFailure('ACCOUNT_INACTIVE', 'This account is no longer active. Sign in as another user.');
  }
  await checkPassword(sql, user, account.passwordHash, password, now);
  session.unlock();
  return session.info();
}
