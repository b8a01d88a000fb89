import { Op } from 'sequelize';
import { instantToWall } from '../../../../shared/domain/scheduling';
import type { CreateDoctorInput, DoctorView, UpdateDoctorInput } from '../../../../shared/ipc/admin/doctors';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Doctor } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { translateSqlError } from '../../data/sql/errors';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { accountKey } from '../accounts';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';

export function toDoctorView(row: Doctor): DoctorView {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    specialization: row.specialization,
    licenseNumber: row.licenseNumber,
    yearsExperience: row.yearsExperience,
    consultationFee: row.consultationFee == null ? null : Number(row.consultationFee).toFixed(2),
    bio: row.bio ?? null,
    hasProfileImage: Boolean(row.profileImageUrl),
    isActive: Boolean(row.isActive),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function requireDoctor(sql: SqlStore, doctorId: number): Promise<Doctor> {
  const row = await sql.models.Doctor.findByPk(doctorId);
  if (!row) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  return row;
}

export async function listDoctors(sql: SqlStore, includeInactive: boolean): Promise<DoctorView[]> {
  const rows = await sql.models.Doctor.findAll({
    where: includeInactive ? {} : { isActive: true },
    order: [['lastName', 'ASC'], ['firstName', 'ASC'], ['id', 'ASC']],
  });
  return rows.map(toDoctorView);
}

function fieldsOf(input: Omit<CreateDoctorInput, 'password'>) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone,
    specialization: input.specialization,
    licenseNumber: input.licenseNumber,
    yearsExperience: input.yearsExperience,
    consultationFee: input.consultationFee,
    bio: input.bio && input.bio !== '' ? input.bio : null,
  };
}

/**
 * Creates a doctor with the password they sign in with at their workstation (hashed like staff
 * passwords). A taken email or license number is DUPLICATE naming the field, and nothing is written.
 */
export async function createDoctor(sql: SqlStore, input: CreateDoctorInput, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<DoctorView> {
  const passwordHash = await hashPassword(input.password, cost);
  try {
    return toDoctorView(await sql.models.Doctor.create({ ...fieldsOf(input), passwordHash }));
  } catch (error) {
    throw translateSqlError(error);
  }
}

export async function updateDoctor(sql: SqlStore, input: UpdateDoctorInput): Promise<DoctorView> {
  try {
    return await inWriteTransaction(sql.sequelize, async (transaction) => {
      const row = await sql.models.Doctor.findByPk(input.doctorId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!row) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
      await row.update(fieldsOf(input), { transaction });
      return toDoctorView(row);
    });
  } catch (error) {
    throw translateSqlError(error);
  }
}

/**
 * Deactivates (the doctor can no longer sign in or be booked; history stays) or reactivates.
 * A doctor with upcoming live appointments is not deactivated: those patients would be left
 * with visits nobody will see. They are moved or cancelled first.
 */
export async function setDoctorActive(sql: SqlStore, doctorId: number, active: boolean, clock: EpochMinuteClock): Promise<DoctorView> {
  const { timezone } = await loadClinicSettings(sql.models);
  const today = instantToWall(clock(), timezone).date;
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await sql.models.Doctor.findByPk(doctorId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
    if (!active) {
      const upcoming = await sql.models.Appointment.count({
        where: { doctorId, appointmentDate: { [Op.gte]: today }, status: { [Op.in]: ['Scheduled', 'Confirmed'] } },
        transaction,
      });
      if (upcoming > 0) {
        throw new AppFailure(
          'CONFLICT',
          `Dr. ${row.firstName} ${row.lastName} still has ${upcoming} upcoming appointment${upcoming === 1 ? '' : 's'}: move or cancel ${upcoming === 1 ? 'it' : 'them'} first.`,
          { upcoming },
        );
      }
    }
    await row.update({ isActive: active }, { transaction });
    return toDoctorView(row);
  });
}

/** A new password chosen by an admin (told to the doctor in person); also lifts a sign-in lockout. */
export async function resetDoctorPassword(sql: SqlStore, doctorId: number, newPassword: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<DoctorView> {
  const passwordHash = await hashPassword(newPassword, cost);
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await sql.models.Doctor.findByPk(doctorId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
    await row.update({ passwordHash }, { transaction });
    await sql.models.LoginFailure.destroy({ where: { accountKey: accountKey({ kind: 'doctor', id: doctorId }) }, transaction });
    return toDoctorView(row);
  });
}
