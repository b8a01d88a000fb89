import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'backups';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  backups: 'Backups',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  if (user.role === 'super_admin') return ['calendar', 'staff', 'audit', 'backups'];
  if (user.role === 'admin') return ['calendar', 'backups'];
  return ['calendar'];
}
