import { UniqueConstraintError } from 'sequelize';
import type { SetupInput } from '../../../shared/ipc/schemas';
import type { SetupResult } from '../../../shared/ipc/types';
import { AppFailure } from '../../../shared/ipc/result';
import type { SqlStore } from '../data/sql/open-sql-store';
import { translateSqlError } from '../data/sql/errors';
import { inWriteTransaction } from '../data/sql/write-retry';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../security/password';
import { insertSetting } from './clinic-settings';
import { ROLE_LEVEL, staffSessionUser } from './accounts';

export async function isSetupRequired(sql: SqlStore): Promise<boolean> {
  return (await sql.models.Admin.count()) === 0;
}

/**
 * First run: the clinic's name and timezone and its super admin, in one transaction. The
 * clinic_name row's unique key is the lock: when two workstations set up one clinic server at
 * once, the second gets ALREADY_SET_UP and writes nothing.
 */
export async function completeSetup(sql: SqlStore, input: SetupInput, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<SetupResult> {
  if (!(await isSetupRequired(sql))) throw alreadySetUp();
  const passwordHash = await hashPassword(input.admin.password, cost);
  try {
    const admin = await inWriteTransaction(sql.sequelize, async (transaction) => {
      await insertSetting(sql.models, 'clinicName', input.clinicName, null, transaction);
      await insertSetting(sql.models, 'timezone', input.timezone, null, transaction);
      const created = await sql.models.Admin.create(
        {
          username: input.admin.username,
          email: input.admin.email,
          firstName: input.admin.firstName,
          lastName: input.admin.lastName,
          passwordHash,
          roleLevel: ROLE_LEVEL.superAdmin,
          lastLogin: new Date(),
        },
        { transaction },
      );
      await sql.models.ClinicSetting.update({ updatedBy: created.id }, { where: {}, transaction });
      return created;
    });
    return { clinicName: input.clinicName, timezone: input.timezone, user: staffSessionUser(admin) };
  } catch (error) {
    if (error instanceof UniqueConstraintError && (await sql.models.Admin.count()) > 0) throw alreadySetUp();
    throw translateSqlError(error);
  }
}

function alreadySetUp(): AppFailure {
  return new AppFailure('ALREADY_SET_UP', 'This clinic is already set up. Sign in instead.');
}
