import { useDisplayKey } from '../stores/display-format';
import { lazy, Suspense, useState } from 'react';
import type { AppStatus, SessionUser } from '../../../shared/ipc/types';
import { CalendarScreen } from '../features/calendar/CalendarScreen';
import { homeSectionFor, sectionsFor, SECTION_LABEL, type Section } from '../features/shell/sections';
import { SideNav } from '../features/shell/SideNav';
import { TopBar } from '../features/shell/TopBar';

/*
 * The calendar is the first screen of a front desk's day and comes with the bundle; every other
 * section is loaded when it is first opened, so the start parses only what the first painted day
 * needs.
 */
const AuditTrailScreen = lazy(() => import('../features/audit/AuditTrailScreen').then((m) => ({ default: m.AuditTrailScreen })));
const DataHealthScreen = lazy(() => import('../features/data-health/DataHealthScreen').then((m) => ({ default: m.DataHealthScreen })));
const TextSearchScreen = lazy(() => import('../features/search/TextSearchScreen').then((m) => ({ default: m.TextSearchScreen })));
const BackupsScreen = lazy(() => import('../features/backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));
const FlowBoard = lazy(() => import('../features/today/FlowBoard').then((m) => ({ default: m.FlowBoard })));
const DoctorWorkspace = lazy(() => import('../features/doctor/DoctorWorkspace').then((m) => ({ default: m.DoctorWorkspace })));
const MyHoursScreen = lazy(() => import('../features/doctor/MyHoursScreen').then((m) => ({ default: m.MyHoursScreen })));
const CommunicationsScreen = lazy(() => import('../features/communications/CommunicationsScreen').then((m) => ({ default: m.CommunicationsScreen })));
const StaffScreen = lazy(() => import('../features/staff/StaffScreen').then((m) => ({ default: m.StaffScreen })));
const PatientsScreen = lazy(() => import('../features/patients/PatientsScreen').then((m) => ({ default: m.PatientsScreen })));
const WalkInScreen = lazy(() => import('../features/walk-in/WalkInScreen').then((m) => ({ default: m.WalkInScreen })));
const WaitingListScreen = lazy(() => import('../features/waiting-list/WaitingListScreen').then((m) => ({ default: m.WaitingListScreen })));
const KioskAdminScreen = lazy(() => import('../features/kiosk/KioskAdminScreen').then((m) => ({ default: m.KioskAdminScreen })));
const FeedbackModerationScreen = lazy(() => import('../features/feedback/FeedbackModerationScreen').then((m) => ({ default: m.FeedbackModerationScreen })));
const DoctorRatingsScreen = lazy(() => import('../features/feedback/DoctorRatingsScreen').then((m) => ({ default: m.DoctorRatingsScreen })));
const MyFeedbackScreen = lazy(() => import('../features/feedback/MyFeedbackScreen').then((m) => ({ default: m.MyFeedbackScreen })));
const SettingsScreen = lazy(() => import('../features/admin/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const MedicationsScreen = lazy(() => import('../features/admin/medications/MedicationsScreen').then((m) => ({ default: m.MedicationsScreen })));
const DoctorsScreen = lazy(() => import('../features/admin/doctors/DoctorsScreen').then((m) => ({ default: m.DoctorsScreen })));
const ReportsScreen = lazy(() => import('../features/admin/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const SyncConflictsScreen = lazy(() => import('../features/sync/SyncConflictsScreen').then((m) => ({ default: m.SyncConflictsScreen })));

/** The signed-in workspace: navigation, the clinic header and the current section. */
export function AppShell({ status, user }: { status: AppStatus; user: SessionUser }) {
  const sections = sectionsFor(user, status.mode);
  const [chosen, setChosen] = useState<Section>(() => homeSectionFor(user, status.mode));
  const section = sections.includes(chosen) ? chosen : homeSectionFor(user, status.mode);
  /** A doctor whose schedule the Doctors section opens on (the calendar's "Set hours"). */
  const [hoursOf, setHoursOf] = useState<number | null>(null);
  const open = (next: Section) => {
    setHoursOf(null);
    setChosen(next);
  };
  const setHours = sections.includes('doctors')
    ? (doctorId: number) => {
        setHoursOf(doctorId);
        setChosen('doctors');
      }
    : undefined;
  const zone = status.timezone ?? 'UTC';
  const displayKey = useDisplayKey();
  return (
    <div className="app-shell">
      <SideNav sections={sections} current={section} onSelect={open} />
      <div className="app-shell__main">
        <TopBar
          status={status}
          user={user}
          onOpenConflicts={sections.includes('conflicts') ? () => open('conflicts') : undefined}
        />
        {/* Keyed on the display settings: a change of locale, clock or currency re-renders the section in full. */}
        <main key={displayKey} className={`app-shell__content app-shell__content--${section}`} id={section}>
          <h1 className="visually-hidden">{SECTION_LABEL[section]}</h1>
          <Suspense fallback={null}>
          {section === 'calendar' ? <CalendarScreen zone={zone} onSetHours={setHours} /> : null}
          {section === 'today' ? <FlowBoard zone={zone} /> : null}
          {section === 'staff' ? <StaffScreen currentUserId={user.id} /> : null}
          {section === 'audit' ? <AuditTrailScreen zone={zone} /> : null}
          {section === 'backups' ? <BackupsScreen zone={zone} standalone={status.mode === 'standalone'} /> : null}
          {section === 'dataHealth' ? <DataHealthScreen zone={zone} /> : null}
          {section === 'searchNotes' ? <TextSearchScreen kind="notes" zone={zone} /> : null}
          {section === 'searchFeedback' ? <TextSearchScreen kind="feedbackAndMessages" zone={zone} /> : null}
          {section === 'patients' ? <PatientsScreen /> : null}
          {section === 'walk-in' ? <WalkInScreen /> : null}
          {section === 'waiting-list' ? <WaitingListScreen /> : null}
          {section === 'kiosk' ? <KioskAdminScreen /> : null}
          {section === 'feedback' ? <FeedbackModerationScreen zone={zone} /> : null}
          {section === 'ratings' ? <DoctorRatingsScreen zone={zone} /> : null}
          {section === 'myFeedback' ? <MyFeedbackScreen doctorId={user.id} zone={zone} /> : null}
          {section === 'myDay' ? <DoctorWorkspace zone={zone} /> : null}
          {section === 'myHours' ? <MyHoursScreen /> : null}
          {section === 'settings' ? <SettingsScreen /> : null}
          {section === 'medications' ? <MedicationsScreen /> : null}
          {section === 'doctors' ? <DoctorsScreen key={hoursOf ?? 'list'} openScheduleOf={hoursOf} /> : null}
          {section === 'reports' ? <ReportsScreen /> : null}
          {section === 'conflicts' ? <SyncConflictsScreen zone={zone} /> : null}
          {section === 'messages' ? <CommunicationsScreen user={user} zone={zone} /> : null}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
