import { useState } from 'react';
import type { KnownSettingView, SettingPresentation } from '../../../../../shared/ipc/admin/settings';
import { Banner } from '../../../components/Banner';
import { LoadProblem } from '../../../components/LoadProblem';
import { useAdminSettingsStore } from '../../../stores/admin-settings-store';
import { useAppStore } from '../../../stores/app-store';
import { formatMoment } from '../../../stores/display-format';
import { formatSettingValue } from './setting-format';
import { SettingEditor } from './SettingEditor';
import { AdminPage } from '../../../components/AdminPage';
import { TableHead } from '../../../components/TableHead';
import { EmptyState } from '../../../components/EmptyState';
import { useLoadOnOpen } from '../../../hooks/use-load-on-open';

const GROUPS: { group: SettingPresentation['group']; lead: string }[] = [
  { group: 'Clinic', lead: 'Who the clinic is, where, and when it is open.' },
  { group: 'Locale', lead: 'How dates, times and fees read on every screen, printout, report and message.' },
  { group: 'Booking', lead: 'The rules every booking follows, on every workstation.' },
  { group: 'Reminders', lead: 'Messages to patients before their visit.' },
  { group: 'Security', lead: 'Sign-in protection and the automatic lock.' },
  { group: 'Other', lead: 'Settings of other parts of the app.' },
];

function SettingRow({ setting, zone, editing, onEdit, onClose }: { setting: KnownSettingView; zone: string; editing: boolean; onEdit(): void; onClose(saved: boolean): void }) {
  const { save, load } = useAdminSettingsStore();
  const meta = setting.isDefault
    ? 'Not set yet: the default is in effect.'
    : setting.storedInvalid
      ? 'The stored value is not valid: the default is in effect.'
      : setting.updatedAt
        ? `Changed ${formatMoment(setting.updatedAt, zone)}${setting.updatedBy ? ` by ${setting.updatedBy.name}` : ''}`
        : null;
  return (
    <li className={`setting-row${editing ? ' setting-row--editing' : ''}`} aria-label={setting.label} data-setting={setting.key}>
      <div className="setting-row__text">
        <h4 className="setting-row__label">{setting.label}</h4>
        <p className="setting-row__description">{setting.description}</p>
        <p className="setting-row__meta">
          Default: {formatSettingValue(setting, setting.defaultValue)}
          {meta ? <> · {meta}</> : null}
        </p>
      </div>
      {editing ? (
        <div className="setting-row__editor">
          <SettingEditor
            setting={setting}
            onCancel={() => onClose(false)}
            onReload={load}
            onSave={async (value) => {
              const result = await save(setting.name, value, setting.version);
              if (result.ok) onClose(true);
              return result.ok ? { ok: true } : { ok: false, error: result.error };
            }}
          />
        </div>
      ) : (
        <div className="setting-row__value">
          <span className={`setting-row__current${setting.isDefault ? ' setting-row__current--default' : ''}`} data-testid={`value-${setting.key}`}>
            {formatSettingValue(setting, setting.value)}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={`Change ${setting.label}`}>
            Change
          </button>
        </div>
      )}
    </li>
  );
}

/** Admins: every clinic setting with its description, default and last change. */
export function SettingsScreen() {
  const { page, loading, error, load } = useAdminSettingsStore();
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useLoadOnOpen(load);

  return (
    <AdminPage
      titleId="settings-title"
      title="Clinic settings"
      lead="Saved changes apply to every workstation with the next booking or sign-in."
    >
      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      {error ? <LoadProblem title="The settings could not be loaded" error={error} onRetry={() => void load()} /> : null}
      {!page && loading ? (
        <EmptyState loading>Loading settings…</EmptyState>
      ) : null}
      {page
        ? GROUPS.map(({ group, lead }) => {
            const settings = page.known.filter((s) => s.group === group);
            if (settings.length === 0) return null;
            return (
              <div className="card settings-card" key={group} role="group" aria-label={group}>
                <div className="settings-card__header">
                  <h3 className="section-title">{group}</h3>
                  <p className="section-lead">{lead}</p>
                </div>
                <ul className="settings-list">
                  {settings.map((setting) => (
                    <SettingRow
                      key={setting.name}
                      setting={setting}
                      zone={zone}
                      editing={editing === setting.name}
                      onEdit={() => {
                        setNotice(null);
                        setEditing(setting.name);
                      }}
                      onClose={(saved) => {
                        setEditing(null);
                        if (saved) setNotice(`${setting.label} saved.`);
                      }}
                    />
                  ))}
                </ul>
              </div>
            );
          })
        : null}
      {page && page.unknown.length > 0 ? (
        <div className="card table-card" role="group" aria-label="Other stored settings">
          <div className="settings-card__header">
            <h3 className="section-title">Other stored settings</h3>
            <p className="section-lead">Keys this version of Clinic Desk does not know. They are kept as they are and shown read-only.</p>
          </div>
          <table className="data-table" aria-label="Other stored settings">
            <TableHead columns={['Key', 'Value', 'Description', 'Last changed']} />
            <tbody>
              {page.unknown.map((row) => (
                <tr key={row.key}>
                  <td className="data-table__mono">{row.key}</td>
                  <td className="data-table__mono">{row.value}</td>
                  <td className="data-table__muted">{row.description ?? '—'}</td>
                  <td className="data-table__muted">
                    {row.updatedAt ? formatMoment(row.updatedAt, zone) : '—'}
                    {row.updatedBy ? ` by ${row.updatedBy.name}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </AdminPage>
  );
}
