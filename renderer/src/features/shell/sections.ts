import type { Role } from '../../../../shared/ipc/permissions';
import type { SessionUser, StoreMode } from '../../../../shared/ipc/types';

export type NavGroup = 'Front desk' | 'My work' | 'Clinic' | 'Security';

interface SectionDefinition {
  label: string;
  group: NavGroup;
  /** Who sees it; main refuses the channels behind it to everybody else anyway. */
  roles: readonly Role[];
  /** Only where it means something: a standalone workstation has no clinic server to disagree with. */
  networkedOnly?: true;
}

const DESK: readonly Role[] = ['front_desk', 'admin', 'super_admin'];
const STAFF: readonly Role[] = ['front_desk', 'admin', 'super_admin', 'doctor'];
const ADMINS: readonly Role[] = ['admin', 'super_admin'];

/** Every section in navigation order: one table, so features add a row instead of a branch. */
const SECTIONS = {
  myDay: { label: 'My day', group: 'My work', roles: ['doctor'] },
  myHours: { label: 'My hours', group: 'My work', roles: ['doctor'] },
  calendar: { label: 'Calendar', group: 'Front desk', roles: STAFF },
  today: { label: 'Today', group: 'Front desk', roles: STAFF },
  patients: { label: 'Patients', group: 'Front desk', roles: DESK },
  'walk-in': { label: 'Walk-in', group: 'Front desk', roles: DESK },
  'waiting-list': { label: 'Waiting list', group: 'Front desk', roles: DESK },
  kiosk: { label: 'Kiosk', group: 'Front desk', roles: DESK },
  conflicts: { label: 'Sync conflicts', group: 'Front desk', roles: STAFF, networkedOnly: true },
  myFeedback: { label: 'My feedback', group: 'My work', roles: ['doctor'] },
  searchNotes: { label: 'Search notes', group: 'My work', roles: ['doctor'] },
  doctors: { label: 'Doctors', group: 'Clinic', roles: ADMINS },
  reports: { label: 'Reports', group: 'Clinic', roles: ADMINS },
  settings: { label: 'Settings', group: 'Clinic', roles: ADMINS },
  medications: { label: 'Medications', group: 'Clinic', roles: ADMINS },
  messages: { label: 'Messages', group: 'Clinic', roles: DESK },
  feedback: { label: 'Feedback', group: 'Clinic', roles: ADMINS },
  ratings: { label: 'Doctor ratings', group: 'Clinic', roles: ADMINS },
  searchFeedback: { label: 'Search feedback', group: 'Clinic', roles: ADMINS },
  staff: { label: 'Staff', group: 'Security', roles: ['super_admin'] },
  audit: { label: 'Audit trail', group: 'Security', roles: ['super_admin'] },
  backups: { label: 'Backups', group: 'Clinic', roles: ADMINS },
  dataHealth: { label: 'Data health', group: 'Clinic', roles: ADMINS },
} as const satisfies Record<string, SectionDefinition>;

export type Section = keyof typeof SECTIONS;

const GROUP_ORDER: readonly NavGroup[] = ['My work', 'Front desk', 'Clinic', 'Security'];

export const SECTION_LABEL = Object.fromEntries(Object.entries(SECTIONS).map(([section, def]) => [section, def.label])) as Record<Section, string>;

export function groupOf(section: Section): NavGroup {
  return SECTIONS[section].group;
}

/** The sections this user may open, grouped in navigation order; main refuses the others anyway. */
export function sectionsFor(user: SessionUser, mode: StoreMode): Section[] {
  const definitions: Record<Section, SectionDefinition> = SECTIONS;
  const mine = (Object.keys(SECTIONS) as Section[]).filter(
    (section) => definitions[section].roles.includes(user.role) && (mode === 'networked' || !definitions[section].networkedOnly),
  );
  return GROUP_ORDER.flatMap((group) => mine.filter((section) => groupOf(section) === group));
}

/** Where a user lands after signing in: a doctor's own day, everyone else the calendar. */
export function homeSectionFor(user: SessionUser, mode: StoreMode): Section {
  return sectionsFor(user, mode)[0] ?? 'calendar';
}
