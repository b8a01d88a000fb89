import type { StaffRoleName } from '../../../../shared/ipc/auth-schemas';

export const STAFF_ROLE_LABEL: Record<StaffRoleName, string> = {
  front_desk: 'Front desk',
  admin: 'Admin',
  super_admin: 'Super admin',
};
