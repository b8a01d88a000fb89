import type { Role } from '../../../shared/ipc/permissions';
import type { SessionUser } from '../../../shared/ipc/types';

/** The seed's admin.role_level: 1 = Admin, 2 = Super Admin. */
export const ROLE_LEVEL = { admin: 1, superAdmin: 2 } as const;

export function staffRole(roleLevel: number): Role {
  return roleLevel >= ROLE_LEVEL.superAdmin ? 'super_admin' : 'admin';
}

export function staffSessionUser(row: { id: number; firstName: string; lastName: string; roleLevel: number }): SessionUser {
  return { id: row.id, kind: 'staff', role: staffRole(row.roleLevel), displayName: `${row.firstName} ${row.lastName}` };
}
