import type { AppStatus, SessionUser } from '../../../shared/ipc/types';
import { CalendarDay } from '../features/calendar/CalendarDay';
import { SideNav } from '../features/shell/SideNav';
import { TopBar } from '../features/shell/TopBar';

/** The signed-in workspace: navigation, the clinic header and the current section. */
export function AppShell({ status, user }: { status: AppStatus; user: SessionUser }) {
  return (
    <div className="app-shell">
      <SideNav />
      <div className="app-shell__main">
        <TopBar status={status} user={user} />
        <main className="app-shell__content" id="calendar">
          <h1 className="visually-hidden">Calendar</h1>
          <CalendarDay zone={status.timezone ?? 'UTC'} />
        </main>
      </div>
    </div>
  );
}
