import { AppFailure } from '../../../../shared/ipc/result';
import type { KioskPasswordSet, KioskPatientMatch } from '../../../../shared/ipc/kiosk/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { accountKey } from '../accounts';
import { clearFailures } from '../auth/lockout-store';

/** The desk finds a patient by email (exact, as they sign in with it) to set their kiosk password. */
export async function findPatientForKiosk(sql: SqlStore, email: string): Promise<KioskPatientMatch> {
  const row = await sql.models.Patient.findOne({
    where: { email: email.trim().toLowerCase() },
    attributes: ['id', 'firstName', 'lastName', 'email', 'dateOfBirth', 'isActive'],
  });
  if (!row) throw new AppFailure('NOT_FOUND', 'No patient has this email address.', { field: 'email' });
  return { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, dateOfBirth: row.dateOfBirth, isActive: row.isActive };
}

/** Sets (or resets) a patient's kiosk password; a reset lifts a lockout, as for staff. */
export async function setPatientKioskPassword(sql: SqlStore, patientId: number, newPassword: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<KioskPasswordSet> {
  const passwordHash = await hashPassword(newPassword, cost);
  const [changed] = await sql.models.Patient.update({ passwordHash }, { where: { id: patientId } });
  if (changed === 0) throw new AppFailure('NOT_FOUND', 'That patient does not exist.');
  await clearFailures(sql, accountKey({ kind: 'patient', id: patientId }));
  return { patientId };
}
