import { formatMoment } from '../../stores/display-format';
import { useState } from 'react';
import type { StaffAccountView } from '../../../../shared/ipc/types';
import { Banner } from '../../components/Banner';
import { LoadProblem } from '../../components/LoadProblem';
import { useAdminStore } from '../../stores/admin-store';
import { useAppStore } from '../../stores/app-store';
import { CreateStaffForm } from './CreateStaffForm';
import { STAFF_ROLE_LABEL } from './staff-format';
import { ActiveStatusDialog } from '../../components/ActiveStatusDialog';
import { NewPasswordDialog } from '../../components/NewPasswordDialog';
import { AdminPage } from '../../components/AdminPage';
import { EmptyState } from '../../components/EmptyState';
import { DataTable } from '../../components/DataTable';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

type Pending = { kind: 'status'; account: StaffAccountView } | { kind: 'password'; account: StaffAccountView };

function nameOf(account: StaffAccountView): string {
  return `${account.firstName} ${account.lastName}`;
}

function ConfirmStatusDialog({ account, onClose }: { account: StaffAccountView; onClose: () => void }) {
  const setStaffActive = useAdminStore((state) => state.setStaffActive);
  return (
    <ActiveStatusDialog
      name={nameOf(account)}
      isActive={account.isActive}
      whenReactivated="They can sign in again with their current password."
      whenDeactivated="They can no longer sign in. Their history and audit records stay. You can reactivate the account later."
      onConfirm={(activate) => setStaffActive(account.id, activate)}
      onClose={onClose}
    />
  );
}

function ResetPasswordDialog({ account, onClose, onDone }: { account: StaffAccountView; onClose: () => void; onDone: () => void }) {
  const resetStaffPassword = useAdminStore((state) => state.resetStaffPassword);
  return (
    <NewPasswordDialog
      title={`Reset the password of ${nameOf(account)}`}
      explanation="Tell them the new password in person. A reset also lifts a sign-in lockout."
      onSave={(newPassword) => resetStaffPassword(account.id, newPassword)}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

/** Super admins: the clinic's staff accounts. */
export function StaffScreen({ currentUserId }: { currentUserId: number }) {
  const { staff, staffLoading, staffError, loadStaff } = useAdminStore();
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useLoadOnOpen(loadStaff);

  return (
    <AdminPage
      titleId="staff-title"
      title="Staff"
      lead="Accounts that sign in at the front desk and in administration."
      actions={
        !creating ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            Add staff account
          </button>
        ) : null
      }
    >

      {notice ? (
        <Banner tone="info" title={notice} key={notice} />
      ) : null}

      {creating ? (
        <CreateStaffForm
          onCancel={() => setCreating(false)}
          onCreated={(account) => {
            setCreating(false);
            setNotice(`${nameOf(account)} can now sign in as ${account.username}.`);
          }}
        />
      ) : null}

      {staffError ? <LoadProblem title="The staff list could not be loaded" error={staffError} onRetry={() => void loadStaff()} /> : null}

      <DataTable
        label="Staff accounts"
        columns={['Name', 'Username', 'Email', 'Role', 'Status', 'Last sign-in', { label: 'Actions', visuallyHidden: true }]}
        status={
          !staff && staffLoading ? (
            <EmptyState loading>Loading accounts…</EmptyState>
          ) : null
        }
      >
        {staff?.map((account) => (
          <tr key={account.id} className={account.isActive ? undefined : 'data-table__row--muted'}>
            <td className="data-table__strong">
              {nameOf(account)}
              {account.id === currentUserId ? <span className="tag tag--neutral">You</span> : null}
            </td>
            <td className="data-table__mono">{account.username}</td>
            <td>{account.email}</td>
            <td>{STAFF_ROLE_LABEL[account.role]}</td>
            <td>
              <span className={`status-pill ${account.isActive ? 'status-pill--ok' : 'status-pill--off'}`}>
                {account.isActive ? 'Active' : 'Inactive'}
              </span>
            </td>
            <td className="data-table__muted">{account.lastLogin ? formatMoment(account.lastLogin, zone) : 'Never'}</td>
            <td className="data-table__actions">
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setPending({ kind: 'password', account })}
                aria-label={`Reset password of ${nameOf(account)}`}
              >
                Reset password
              </button>
              {account.id !== currentUserId ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setPending({ kind: 'status', account })}
                  aria-label={`${account.isActive ? 'Deactivate' : 'Reactivate'} ${nameOf(account)}`}
                >
                  {account.isActive ? 'Deactivate' : 'Reactivate'}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>

      {pending?.kind === 'status' ? <ConfirmStatusDialog account={pending.account} onClose={() => setPending(null)} /> : null}
      {pending?.kind === 'password' ? (
        <ResetPasswordDialog
          account={pending.account}
          onClose={() => setPending(null)}
          onDone={() => {
            setNotice(`The password of ${nameOf(pending.account)} was changed.`);
            setPending(null);
          }}
        />
      ) : null}
    </AdminPage>
  );
}
