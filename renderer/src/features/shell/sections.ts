import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'messages';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  messages: 'Messages',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  const base: Section[] = user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
  // The communication log: the desk roles (communications.read).
  if (['front_desk', 'admin', 'super_admin'].includes(user.role)) base.push('messages');
  return base;
}
