import { useState } from 'react';
import type { AppStatus, SessionUser } from '../../../shared/ipc/types';
import { AuditTrailScreen } from '../features/audit/AuditTrailScreen';
import { CalendarDay } from '../features/calendar/CalendarDay';
import { CommunicationsScreen } from '../features/communications/CommunicationsScreen';
import { sectionsFor, SECTION_LABEL, type Section } from '../features/shell/sections';
import { SideNav } from '../features/shell/SideNav';
import { TopBar } from '../features/shell/TopBar';
import { StaffScreen } from '../features/staff/StaffScreen';

/** The signed-in workspace: navigation, the clinic header and the current section. */
export function AppShell({ status, user }: { status: AppStatus; user: SessionUser }) {
  const sections = sectionsFor(user);
  const [chosen, setChosen] = useState<Section>('calendar');
  const section = sections.includes(chosen) ? chosen : 'calendar';
  const zone = status.timezone ?? 'UTC';
  return (
    <div className="app-shell">
      <SideNav sections={sections} current={section} onSelect={setChosen} />
      <div className="app-shell__main">
        <TopBar status={status} user={user} />
        <main className={`app-shell__content app-shell__content--${section}`} id={section}>
          <h1 className="visually-hidden">{SECTION_LABEL[section]}</h1>
          {section === 'calendar' ? <CalendarDay zone={zone} /> : null}
          {section === 'staff' ? <StaffScreen currentUserId={user.id} /> : null}
          {section === 'audit' ? <AuditTrailScreen zone={zone} /> : null}
          {section === 'messages' ? <CommunicationsScreen user={user} zone={zone} /> : null}
        </main>
      </div>
    </div>
  );
}
