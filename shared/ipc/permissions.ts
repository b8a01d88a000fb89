/**
 * The one permission matrix. Roles come from main's session, never from the renderer.
 * `anyone` marks the few channels a workstation needs before anybody has signed in.
 */
export const ROLES = ['patient', 'doctor', 'front_desk', 'admin', 'super_admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  anyone: 'public: before sign-in (status, first-run setup, sign-in)',
  'session.own': 'the signed-in user about themself',
  'clinic.read': 'read clinic settings and the doctor list',
  'appointments.read': 'see free slots and appointments',
  'appointments.write': 'book, move, cancel appointments and change their status',
  'clinic.configure': 'change clinic settings, doctors and their schedules',
  'staff.manage': 'manage staff accounts',
  'audit.read': 'browse the audit trail',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const STAFF: readonly Role[] = ['front_desk', 'admin', 'super_admin', 'doctor'];

export const PERMISSION_MATRIX: Record<Permission, readonly Role[]> = {
  anyone: ROLES,
  'session.own': ROLES,
  'clinic.read': STAFF,
  'appointments.read': STAFF,
  'appointments.write': STAFF,
  'clinic.configure': ['admin', 'super_admin'],
  'staff.manage': ['super_admin'],
  'audit.read': ['super_admin'],
};

export function roleMay(role: Role | null, permission: Permission): boolean {
  if (permission === 'anyone') return true;
  if (role === null) return false;
  return PERMISSION_MATRIX[permission].includes(role);
}
