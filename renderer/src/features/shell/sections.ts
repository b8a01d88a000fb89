import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'doctors' | 'reports' | 'settings';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  doctors: 'Doctors',
  reports: 'Reports',
  settings: 'Settings',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  const base: Section[] = user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
  // Admin levels: doctors and their schedules, reports, clinic settings (clinic.configure, reports.read).
  return user.role === 'admin' || user.role === 'super_admin' ? [...base, 'doctors', 'reports', 'settings'] : base;
}
