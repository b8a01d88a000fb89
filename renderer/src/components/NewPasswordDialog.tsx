import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { NewPassword } from '../../../shared/ipc/schemas';
import type { AppError, Result } from '../../../shared/ipc/result';
import { Dialog } from './Dialog';
import { Spinner } from './Spinner';
import { TextField } from './TextField';
import { ProblemBanner } from './ProblemBanner';

const NewPasswordForm = z.object({ newPassword: NewPassword });

/** Sets someone's sign-in password (a staff account, a doctor); main's refusal shows in the dialog. */
export function NewPasswordDialog({
  title,
  explanation,
  onSave,
  onClose,
  onDone,
}: {
  title: string;
  explanation: string;
  onSave: (newPassword: string) => Promise<Result<unknown>>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [error, setError] = useState<AppError | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<{ newPassword: string }>({ resolver: zodResolver(NewPasswordForm), defaultValues: { newPassword: '' } });
  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setError(null);
    const result = await onSave(newPassword);
    if (result.ok) onDone();
    else setError(result.error);
  });
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="dialog__text">{explanation}</p>
        {error ? (
          <ProblemBanner title="The password was not changed" error={error} />
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
