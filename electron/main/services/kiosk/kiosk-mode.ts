import { roleMay } from '../../../../shared/ipc/permissions';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionInfo, SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { WorkstationSession } from '../../session';
import { startSession } from '../auth/workstation-sign-in';
import { signIn } from '../auth/sign-in';
import { PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { loadClinicSettings } from '../scheduling/rules';

const NOT_A_KIOSK = 'This workstation is not in kiosk mode.';

/**
 * Switches the workstation into kiosk mode. The staff session ends here (not merely hidden):
 * nothing the staff member could do stays reachable from the kiosk.
 */
export async function enterKioskMode(session: WorkstationSession, sql: SqlStore, staff: SessionUser): Promise<SessionInfo> {
  const settings = await loadClinicSettings(sql.models);
  session.enterKiosk(staff, settings.kioskIdleSeconds);
  return session.info();
}

/**
 * Leaves kiosk mode with the name and password of ANY active front-desk or admin account (not
 * only the one that entered it: whoever is on duty must be able to take the workstation back).
 * The password is checked like a sign-in (failures count toward the lockout), and the person
 * who left kiosk mode is signed in afterwards, so what they do next is recorded as theirs.
 */
export async function exitKioskMode(
  session: WorkstationSession,
  sql: SqlStore,
  credentials: { identifier: string; password: string },
  now: Date,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<SessionInfo> {
  if (!session.inKiosk) throw new AppFailure('CONFLICT', NOT_A_KIOSK);
  const user = await signIn(sql, credentials, 'staff', now, cost);
  if (!roleMay(user.role, 'kiosk.manage')) {
    throw new AppFailure('FORBIDDEN', 'Only front-desk staff and administrators can leave kiosk mode.');
  }
  return startSession(session, sql, user);
}

/**
 * A patient signs in at the kiosk with their email and kiosk password (patients.password_hash).
 * Failures count toward the same lockout as staff sign-ins.
 */
export async function signInAtKiosk(
  session: WorkstationSession,
  sql: SqlStore,
  credentials: { email: string; password: string },
  now: Date,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<SessionInfo> {
  if (!session.inKiosk) throw new AppFailure('CONFLICT', NOT_A_KIOSK);
  const patient = await signIn(sql, { identifier: credentials.email, password: credentials.password }, 'patient', now, cost);
  const settings = await loadClinicSettings(sql.models);
  session.signInKioskPatient(patient, settings.kioskIdleSeconds);
  return session.info();
}
