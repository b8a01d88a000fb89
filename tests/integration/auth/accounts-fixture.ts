import type { Role } from '../../../shared/ipc/permissions';
import type { SessionUser } from '../../../shared/ipc/types';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../../electron/main/security/password';
import { doctorSessionUser, patientSessionUser, ROLE_LEVEL, staffSessionUser } from '../../../electron/main/services/accounts';
import { adminValues, doctorValues, patientValues, unique } from '../sql/fixtures';
import { seedClinic, TUESDAY } from '../scheduling/clinic-fixture';

export const PASSWORD = 'correct horse battery staple';

export interface RoleAccount {
  role: Role;
  user: SessionUser;
  /** What this account types to sign in. */
  identifier: string;
}

/**
 * One account of every role, all with PASSWORD (hashed once: scrypt is deliberately slow; a test
 * whose workstation runs at TEST_SCRYPT_COST passes that here too).
 */
export async function createAccounts(sql: SqlStore, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<Record<Role, RoleAccount>> {
  const passwordHash = await hashPassword(PASSWORD, cost);
  const { Admin, Doctor, Patient } = sql.models;
  const staff = async (role: 'front_desk' | 'admin' | 'super_admin', roleLevel: number) => {
    const row = await Admin.create(adminValues({ passwordHash, roleLevel, username: unique(role.replace('_', '.')) }));
    return { role, user: staffSessionUser(row), identifier: row.username };
  };
  const doctor = await Doctor.create(doctorValues({ passwordHash, email: `${unique('dr')}@clinic.example` }));
  const patient = await Patient.create(patientValues({ passwordHash }));
  return {
    front_desk: await staff('front_desk', ROLE_LEVEL.frontDesk),
    admin: await staff('admin', ROLE_LEVEL.admin),
    super_admin: await staff('super_admin', ROLE_LEVEL.superAdmin),
    doctor: { role: 'doctor', user: doctorSessionUser(doctor), identifier: doctor.email },
    patient: { role: 'patient', user: patientSessionUser(patient), identifier: patient.email },
  };
}

/** Tomorrow for a workstation on the fixture's pinned clock (`workstationClock`, Monday 07:00 in its zone). */
export const tomorrow = () => TUESDAY;

export async function seedBookableClinic(sql: SqlStore, doctors: number, patients: number) {
  return seedClinic(sql, { doctors, patients });
}
