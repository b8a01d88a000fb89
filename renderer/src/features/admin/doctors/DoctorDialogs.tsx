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
import { ActiveStatusDialog } from '../../../components/ActiveStatusDialog';

const nameOf = (d: DoctorView) => `Dr. ${d.firstName} ${d.lastName}`;

export function DoctorStatusDialog({ doctor, onClose }: { doctor: DoctorView; onClose(): void }) {
  const setActive = useAdminDoctorsStore((state) => state.setActive);
  return (
    <ActiveStatusDialog
      name={nameOf(doctor)}
      isActive={doctor.isActive}
      whenReactivated="They can sign in and be booked again, with their weekly hours as they were."
      whenDeactivated="They can no longer sign in or be booked. Their history stays. You can reactivate them later."
      onConfirm={(activate) => setActive(doctor.id, activate)}
      onClose={onClose}
    />
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
