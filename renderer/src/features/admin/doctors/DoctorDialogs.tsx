import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { NewPassword } from '../../../../../shared/ipc/schemas';
import type { AppError } from '../../../../../shared/ipc/result';
import type { DoctorView } from '../../../../../shared/ipc/admin/doctors';
import { Banner } from '../../../components/Banner';
import { Dialog } from '../../../components/Dialog';
import { Spinner } from '../../../components/Spinner';
import { TextField } from '../../../components/TextField';
import { useAdminDoctorsStore } from '../../../stores/admin-doctors-store';

const nameOf = (d: DoctorView) => `Dr. ${d.firstName} ${d.lastName}`;

export function DoctorStatusDialog({ doctor, onClose }: { doctor: DoctorView; onClose(): void }) {
  const setActive = useAdminDoctorsStore((state) => state.setActive);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const activate = !doctor.isActive;
  async function confirm() {
    setBusy(true);
    const result = await setActive(doctor.id, activate);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  }
  return (
    <Dialog title={activate ? `Reactivate ${nameOf(doctor)}?` : `Deactivate ${nameOf(doctor)}?`} onClose={onClose}>
      <p className="dialog__text">
        {activate
          ? 'They can sign in and be booked again, with their weekly hours as they were.'
          : 'They can no longer sign in or be booked. Their history stays. You can reactivate them later.'}
      </p>
      {error ? (
        <Banner tone="error" title="That did not work">
          <p>{error.message}</p>
        </Banner>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={`button ${activate ? 'button--primary' : 'button--danger'}`} onClick={() => void confirm()} disabled={busy}>
          {busy ? <Spinner /> : null}
          {activate ? 'Reactivate' : 'Deactivate'}
        </button>
      </div>
    </Dialog>
  );
}

const ResetForm = z.object({ newPassword: NewPassword });

export function DoctorPasswordDialog({ doctor, onClose, onDone }: { doctor: DoctorView; onClose(): void; onDone(): void }) {
  const resetPassword = useAdminDoctorsStore((state) => state.resetPassword);
  const [error, setError] = useState<AppError | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ newPassword: string }>({ resolver: zodResolver(ResetForm), defaultValues: { newPassword: '' } });
  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setError(null);
    const result = await resetPassword(doctor.id, newPassword);
    if (result.ok) onDone();
    else setError(result.error);
  });
  return (
    <Dialog title={`Set the password of ${nameOf(doctor)}`} onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="dialog__text">The doctor signs in at their workstation with their email and this password. It also lifts a sign-in lockout.</p>
        {error ? (
          <Banner tone="error" title="The password was not changed">
            <p>{error.message}</p>
          </Banner>
        ) : null}
        <TextField label="New password" type="password" registration={register('newPassword')} error={errors.newPassword?.message} autoComplete="new-password" hint="At least 12 characters." autoFocus />
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
