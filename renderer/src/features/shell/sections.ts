import type { SessionUser } from '../../../../shared/ipc/types';

export type Section = 'calendar' | 'staff' | 'audit' | 'kiosk' | 'feedback' | 'ratings' | 'myFeedback';

export const SECTION_LABEL: Record<Section, string> = {
  calendar: 'Calendar',
  staff: 'Staff',
  audit: 'Audit trail',
  kiosk: 'Kiosk',
  feedback: 'Feedback',
  ratings: 'Doctor ratings',
  myFeedback: 'My feedback',
};

/** The sections this user may open; main refuses the others anyway. */
export function sectionsFor(user: SessionUser): Section[] {
  const base: Section[] = user.role === 'super_admin' ? ['calendar', 'staff', 'audit'] : ['calendar'];
  return [...base, ...kioskSectionsFor(user)];
}

/** Issue 10: the kiosk for the desk, feedback moderation and ratings for admins, a doctor's own feedback. */
function kioskSectionsFor(user: SessionUser): Section[] {
  if (user.role === 'doctor') return ['myFeedback'];
  if (user.role === 'front_desk') return ['kiosk'];
  if (user.role === 'admin' || user.role === 'super_admin') return ['kiosk', 'feedback', 'ratings'];
  return [];
}
