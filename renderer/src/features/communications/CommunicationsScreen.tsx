import { useState } from 'react';
import type { SessionUser } from '../../../../shared/ipc/types';
import { MailSettingsForm } from './MailSettingsForm';
import { MessageLog } from './MessageLog';
import { PatientLookup } from './PatientLookup';
import { TemplateEditor } from './TemplateEditor';
import { AdminPage } from '../../components/AdminPage';

type Tab = 'log' | 'patient' | 'templates' | 'settings';
const TAB_LABEL: Record<Tab, string> = { log: 'Message log', patient: 'Patient history', templates: 'Templates', settings: 'Mail settings' };

/** Reminders and notices: the log for the desk; templates and mail settings for admins too. */
export function CommunicationsScreen({ user, zone }: { user: SessionUser; zone: string }) {
  const admin = user.role === 'admin' || user.role === 'super_admin';
  const tabs: Tab[] = admin ? ['log', 'patient', 'templates', 'settings'] : ['log', 'patient'];
  const [tab, setTab] = useState<Tab>('log');
  return (
    <AdminPage
      titleId="comms-title"
      title="Messages"
      lead={<>Reminders, booking confirmations, cancellation and reschedule notices. Times in {zone}.</>}
    >
      {/* The ARIA tab pattern: a tablist of tabs, each controlling the one panel; arrows move between tabs. */}
      <div className="tabs" role="tablist" aria-label="Messages">
        {tabs.map((t, index) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`comms-tab-${t}`}
            aria-selected={t === tab}
            aria-controls="comms-panel"
            tabIndex={t === tab ? 0 : -1}
            className={`tabs__item${t === tab ? ' tabs__item--active' : ''}`}
            onClick={() => setTab(t)}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = tabs[(index + step + tabs.length) % tabs.length]!;
              setTab(next);
              document.getElementById(`comms-tab-${next}`)?.focus();
            }}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="comms-panel" aria-labelledby={`comms-tab-${tab}`}>
        {tab === 'log' ? <MessageLog zone={zone} canRunJob={admin} /> : null}
        {tab === 'patient' ? <PatientLookup zone={zone} /> : null}
        {tab === 'templates' ? <TemplateEditor /> : null}
        {tab === 'settings' ? <MailSettingsForm /> : null}
      </div>
    </AdminPage>
  );
}
