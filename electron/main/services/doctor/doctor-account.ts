import type { DoctorAccountView } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { clearFailures } from '../auth/lockout-store';
import { accountKey, doctorSessionUser } from '../accounts';

/**
 * A super admin gives a doctor a sign-in password (doctors created by an import or the demo data
 * have none that works). Like a staff password reset, it lifts a sign-in lockout.
 */
export async function setDoctorPassword(sql: SqlStore, input: { doctorId: number; newPassword: string }, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<DoctorAccountView> {
  const doctor = await sql.models.Doctor.findByPk(input.doctorId);
  if (!doctor) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  await doctor.update({ passwordHash: await hashPassword(input.newPassword, cost) });
  await clearFailures(sql, accountKey(doctorSessionUser(doctor)));
  return { doctorId: doctor.id, signInName: doctor.email, canSignIn: doctor.isActive };
}
