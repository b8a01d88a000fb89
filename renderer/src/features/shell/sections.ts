import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'myDay';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  myDay: 'My day',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  if (user.role === 'doctor') return ['myDay', 'calendar'];
  return user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
}

/** Where a user lands after signing in: a doctor's own day, everyone else the calendar. */
export function homeSectionFor(user: SessionUser): Section {
  return user.role === 'doctor' ? 'myDay' : 'calendar';
}
