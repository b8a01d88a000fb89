import type { Role } from '../../../shared/ipc/permissions';
import type { SessionUser } from '../../../shared/ipc/types';

/** admin.role_level: the seed's 1 = Admin and 2 = Super Admin, and 0 = Front desk (added by migration). */
export const ROLE_LEVEL = { frontDesk: 0, admin: 1, superAdmin: 2 } as const;
export type StaffRole = 'front_desk' | 'admin' | 'super_admin';

const ROLE_BY_LEVEL: Record<number, StaffRole> = { 0: 'front_desk', 1: 'admin', 2: 'super_admin' };

export function staffRole(roleLevel: number): StaffRole {
  // An unknown level (a newer app wrote it) gets the least rights, never more.
  return ROLE_BY_LEVEL[roleLevel] ?? 'front_desk';
}

export function roleLevelOf(role: StaffRole): number {
  return role === 'super_admin' ? ROLE_LEVEL.superAdmin : role === 'admin' ? ROLE_LEVEL.admin : ROLE_LEVEL.frontDesk;
}

export function staffSessionUser(row: { id: number; firstName: string; lastName: string; roleLevel: number }): SessionUser {
  return { id: row.id, kind: 'staff', role: staffRole(row.roleLevel), displayName: `${row.firstName} ${row.lastName}` };
}

export function doctorSessionUser(row: { id: number; firstName: string; lastName: string }): SessionUser {
  return { id: row.id, kind: 'doctor', role: 'doctor' satisfies Role, displayName: `Dr. ${row.firstName} ${row.lastName}` };
}

export function patientSessionUser(row: { id: number; firstName: string; lastName: string }): SessionUser {
  return { id: row.id, kind: 'patient', role: 'patient', displayName: `${row.firstName} ${row.lastName}` };
}

/** The key failed sign-ins are counted under: one per account, whichever name was typed. */
export function accountKey(user: Pick<SessionUser, 'kind' | 'id'>): string {
  return `${user.kind}:${user.id}`;
}
