import { useDisplayKey } from '../stores/display-format';
import { useState } from 'react';
import type { AppStatus, SessionUser } from '../../../shared/ipc/types';
import { AuditTrailScreen } from '../features/audit/AuditTrailScreen';
import { DataHealthScreen } from '../features/data-health/DataHealthScreen';
import { TextSearchScreen } from '../features/search/TextSearchScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { CalendarScreen } from '../features/calendar/CalendarScreen';
import { FlowBoard } from '../features/today/FlowBoard';
import { homeSectionFor, sectionsFor, SECTION_LABEL, type Section } from '../features/shell/sections';
import { DoctorWorkspace } from '../features/doctor/DoctorWorkspace';
import { MyHoursScreen } from '../features/doctor/MyHoursScreen';
import { CommunicationsScreen } from '../features/communications/CommunicationsScreen';
import { SideNav } from '../features/shell/SideNav';
import { TopBar } from '../features/shell/TopBar';
import { StaffScreen } from '../features/staff/StaffScreen';
import { PatientsScreen } from '../features/patients/PatientsScreen';
import { WalkInScreen } from '../features/walk-in/WalkInScreen';
import { WaitingListScreen } from '../features/waiting-list/WaitingListScreen';
import { KioskAdminScreen } from '../features/kiosk/KioskAdminScreen';
import { FeedbackModerationScreen } from '../features/feedback/FeedbackModerationScreen';
import { DoctorRatingsScreen } from '../features/feedback/DoctorRatingsScreen';
import { MyFeedbackScreen } from '../features/feedback/MyFeedbackScreen';
import { SettingsScreen } from '../features/admin/settings/SettingsScreen';
import { MedicationsScreen } from '../features/admin/medications/MedicationsScreen';
import { DoctorsScreen } from '../features/admin/doctors/DoctorsScreen';
import { ReportsScreen } from '../features/admin/reports/ReportsScreen';
import { SyncConflictsScreen } from '../features/sync/SyncConflictsScreen';

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
        </main>
      </div>
    </div>
  );
}
