import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'doctors' | 'reports' | 'settings' | 'myDay' | 'myHours';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  doctors: 'Doctors',
  reports: 'Reports',
  settings: 'Settings',
  myDay: 'My day',
  myHours: 'My hours',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  if (user.role === 'doctor') return ['myDay', 'myHours', 'calendar'];
  const base: Section[] = user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
  // Admin levels: doctors and their schedules, reports, clinic settings (clinic.configure, reports.read).
  return user.role === 'admin' || user.role === 'super_admin' ? [...base, 'doctors', 'reports', 'settings'] : base;
}

/** Where a user lands after signing in: a doctor's own day, everyone else the calendar. */
export function homeSectionFor(user: SessionUser): Section {
  return user.role === 'doctor' ? 'myDay' : 'calendar';
}
