import { useState } from 'react';
import { z } from 'zod';
import { NewPassword } from '../../../shared/ipc/schemas';
import type { AppError, Result } from '../../../shared/ipc/result';
import { Dialog } from './Dialog';
import { ProblemBanner } from './ProblemBanner';
import { FormActions } from './FormActions';
import { NewPasswordField } from './NewPasswordField';
import { useZodForm } from '../forms/use-zod-form';

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
  const { handleSubmit, isSubmitting, field } = useZodForm(NewPasswordForm, { newPassword: '' });
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
        <ProblemBanner title="The password was not changed" error={error} />
        <NewPasswordField label="New password" {...field('newPassword')} autoFocus />
        <FormActions className="dialog__actions" busy={isSubmitting} onCancel={onClose} confirmLabel="Set password" />
      </form>
    </Dialog>
  );
}
