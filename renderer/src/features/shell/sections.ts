import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'today' | 'staff' | 'audit';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  today: 'Today',
  staff: 'Staff',
  audit: 'Audit trail',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  return user.role === 'super_admin' ? ['calendar', 'today', 'staff', 'audit'] : ['calendar', 'today'];
}
