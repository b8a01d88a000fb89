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
  'audit.patient': 'see who opened or changed one patient\'s record (the patient page)',
  'patients.read': 'search patients and open their front-desk record',
  'patients.write': 'register and edit patients, record arrivals',
  'allergies.write': "record a patient's allergies (the desk for anyone, a doctor for their own patients)",
  'clinical.own': "a doctor's own day, own patients' history, prescriptions and visit outcomes",
  'schedule.own': 'a doctor editing their own weekly hours and days off',
  'reports.read': 'clinic reports (utilization, rates, new patients)',
  'communications.read': 'the communication log and a patient\'s message history',
  'feedback.moderate': 'approve or reject patient feedback',
  'kiosk.manage': 'switch a workstation into kiosk mode and set patients\' kiosk passwords',
  'kiosk.patient': 'a patient signed in at the kiosk, about themself',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const STAFF: readonly Role[] = ['front_desk', 'admin', 'super_admin', 'doctor'];
/** Staff who work the front desk; doctors see only their own patients, through clinical.own. */
const DESK: readonly Role[] = ['front_desk', 'admin', 'super_admin'];
const ADMINS: readonly Role[] = ['admin', 'super_admin'];

export const PERMISSION_MATRIX: Record<Permission, readonly Role[]> = {
  anyone: ROLES,
  'session.own': ROLES,
  'clinic.read': STAFF,
  'appointments.read': STAFF,
  'appointments.write': STAFF,
  'clinic.configure': ADMINS,
  'staff.manage': ['super_admin'],
  'audit.read': ['super_admin'],
  'audit.patient': ADMINS,
  'patients.read': DESK,
  'patients.write': DESK,
  // Doctors too: they hear of allergies in the consultation; the service keeps them to their own patients.
  'allergies.write': [...DESK, 'doctor'],
  'clinical.own': ['doctor'],
  'schedule.own': ['doctor'],
  'reports.read': ADMINS,
  'communications.read': DESK,
  'feedback.moderate': ADMINS,
  'kiosk.manage': DESK,
  'kiosk.patient': ['patient'],
};

export function roleMay(role: Role | null, permission: Permission): boolean {
  if (permission === 'anyone') return true;
  if (role === null) return false;
  return PERMISSION_MATRIX[permission].includes(role);
}
