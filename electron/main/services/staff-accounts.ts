import { Op } from 'sequelize';
import type { CreateStaffInput } from '../../../shared/ipc/auth-schemas';
import { AppFailure } from '../../../shared/ipc/result';
import type { SessionUser, StaffAccountView } from '../../../shared/ipc/types';
import type { Admin } from '../data/sql/models';
import type { SqlStore } from '../data/sql/open-sql-store';
import { translateSqlError } from '../data/sql/errors';
import { inWriteTransaction } from '../data/sql/write-retry';
import { hashPassword, PRODUCTION_SCRYPT_COST, type ScryptCost } from '../security/password';
import { accountKey, ROLE_LEVEL, roleLevelOf, staffRole } from './accounts';

/** Never the password hash: the renderer gets what a staff list shows, nothing more. */
function toView(row: Admin): StaffAccountView {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    role: staffRole(row.roleLevel),
    isActive: row.isActive,
    lastLogin: row.lastLogin ? row.lastLogin.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function requireStaff(sql: SqlStore, staffId: number): Promise<Admin> {
  const row = await sql.models.Admin.findByPk(staffId);
  if (!row) throw new AppFailure('NOT_FOUND', 'That staff account does not exist.');
  return row;
}

export async function listStaff(sql: SqlStore): Promise<StaffAccountView[]> {
  const rows = await sql.models.Admin.findAll({ order: [['lastName', 'ASC'], ['firstName', 'ASC'], ['id', 'ASC']] });
  return rows.map(toView);
}

export async function createStaff(sql: SqlStore, input: CreateStaffInput, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<StaffAccountView> {
  const passwordHash = await hashPassword(input.password, cost);
  try {
    const row = await sql.models.Admin.create({
      username: input.username,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      passwordHash,
      roleLevel: roleLevelOf(input.role),
    });
    return toView(row);
  } catch (error) {
    throw translateSqlError(error);
  }
}

/**
 * Deactivates or reactivates a staff account. Nobody deactivates themself, and the clinic always
 * keeps one active super admin, or nobody could manage accounts any more.
 */
export async function setStaffActive(sql: SqlStore, actor: SessionUser, staffId: number, active: boolean): Promise<StaffAccountView> {
  if (!active && actor.kind === 'staff' && actor.id === staffId) {
    throw new AppFailure('CONFLICT', 'You cannot deactivate your own account; ask another super admin.');
  }
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const { Admin } = sql.models;
    const row = await Admin.findByPk(staffId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new AppFailure('NOT_FOUND', 'That staff account does not exist.');
    if (!active && row.roleLevel === ROLE_LEVEL.superAdmin) {
      const others = await Admin.count({
        where: { id: { [Op.ne]: staffId }, roleLevel: ROLE_LEVEL.superAdmin, isActive: true },
        transaction,
      });
      if (others === 0) throw new AppFailure('CONFLICT', 'This is the last active super admin: make someone else super admin first.');
    }
    await row.update({ isActive: active }, { transaction });
    return toView(row);
  });
}

/** Sets a new password chosen by a super admin and clears any lockout of that account. */
export async function resetStaffPassword(sql: SqlStore, staffId: number, newPassword: string, cost: ScryptCost = PRODUCTION_SCRYPT_COST): Promise<StaffAccountView> {
  const row = await requireStaff(sql, staffId);
  await row.update({ passwordHash: await hashPassword(newPassword, cost) });
  await sql.models.LoginFailure.destroy({ where: { accountKey: accountKey({ kind: 'staff', id: staffId }) } });
  return toView(row);
}
