import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'today' | 'staff' | 'audit' | 'patients' | 'walk-in' | 'waiting-list';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  today: 'Today',
  staff: 'Staff',
  audit: 'Audit trail',
  patients: 'Patients',
  'walk-in': 'Walk-in',
  'waiting-list': 'Waiting list',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  const base: Section[] = user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
  // Today's flow board (calendar feature) is for every staff role; the patient sections for the desk.
  return insertAfterCalendar(base, ['today', ...(RECEPTION_ROLES.includes(user.role) ? RECEPTION_SECTIONS : [])]);
}

/** Reception (issue 5): the front desk's patient sections, for the roles with patients.read. */
const RECEPTION_SECTIONS: Section[] = ['patients', 'walk-in', 'waiting-list'];
const RECEPTION_ROLES: readonly SessionUser['role'][] = ['front_desk', 'admin', 'super_admin'];

function insertAfterCalendar(sections: Section[], extra: Section[]): Section[] {
  const at = sections.indexOf('calendar') + 1;
  return [...sections.slice(0, at), ...extra, ...sections.slice(at)];
}
