import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { NewPassword } from '../../../../shared/ipc/schemas';
import type { AppError } from '../../../../shared/ipc/result';
import type { StaffAccountView } from '../../../../shared/ipc/types';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { LoadProblem } from '../../components/LoadProblem';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useAdminStore } from '../../stores/admin-store';
import { useAppStore } from '../../stores/app-store';
import { CreateStaffForm } from './CreateStaffForm';
import { formatMoment, STAFF_ROLE_LABEL } from './staff-format';
import { ActiveStatusDialog } from '../../components/ActiveStatusDialog';

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

const ResetPasswordForm = z.object({ newPassword: NewPassword });

function ResetPasswordDialog({ account, onClose, onDone }: { account: StaffAccountView; onClose: () => void; onDone: () => void }) {
  const resetStaffPassword = useAdminStore((state) => state.resetStaffPassword);
  const [error, setError] = useState<AppError | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ newPassword: string }>({ resolver: zodResolver(ResetPasswordForm), defaultValues: { newPassword: '' } });
  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setError(null);
    const result = await resetStaffPassword(account.id, newPassword);
    if (result.ok) onDone();
    else setError(result.error);
  });
  return (
    <Dialog title={`Reset the password of ${nameOf(account)}`} onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="dialog__text">Tell them the new password in person. A reset also lifts a sign-in lockout.</p>
        {error ? (
          <Banner tone="error" title="The password was not changed">
            <p>{error.message}</p>
          </Banner>
        ) : null}
        <TextField
          label="New password"
          type="password"
          registration={register('newPassword')}
          error={errors.newPassword?.message}
          autoComplete="new-password"
          hint="At least 12 characters."
          autoFocus
        />
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? <Spinner /> : null}
            Set password
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Super admins: the clinic's staff accounts. */
export function StaffScreen({ currentUserId }: { currentUserId: number }) {
  const { staff, staffLoading, staffError, loadStaff } = useAdminStore();
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  return (
    <section className="admin-page" aria-labelledby="staff-title">
      <header className="admin-page__header">
        <div>
          <h2 id="staff-title" className="admin-page__title">
            Staff
          </h2>
          <p className="admin-page__lead">Accounts that sign in at the front desk and in administration.</p>
        </div>
        {!creating ? (
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
        ) : null}
      </header>

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

      <div className="card table-card">
        <table className="data-table" aria-label="Staff accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
        {!staff && staffLoading ? (
          <p className="table-card__empty">
            <Spinner /> Loading accounts…
          </p>
        ) : null}
      </div>

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
    </section>
  );
}
