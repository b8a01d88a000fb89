import { useState } from 'react';
import { z } from 'zod';
import type { AppError } from '../../../../shared/ipc/result';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FormActions } from '../../components/FormActions';
import { useZodForm } from '../../forms/use-zod-form';

const PasswordForm = z.object({ password: z.string().min(1, 'Enter your password') });

/**
 * Asks for the doctor's password when this workstation keeps their signing key sealed by it
 * (no OS keychain here). The password goes to main only, for this one signature.
 */
export function SignDialog({ firstKey, onSign, onClose }: { firstKey: boolean; onSign: (password: string) => Promise<AppError | null>; onClose: () => void }) {
  const [error, setError] = useState<AppError | null>(null);
  const { handleSubmit, setValue, isSubmitting, field } = useZodForm(PasswordForm, { password: '' });
  const submit = handleSubmit(async ({ password }) => {
    setError(null);
    const failure = await onSign(password);
    if (failure) {
      setError(failure);
      setValue('password', '');
    }
  });
  return (
    <Dialog title="Sign the prescription" onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog__text">
          {firstKey
            ? 'This is your first signature on this workstation: a personal signing key is made for you and locked with your password.'
            : 'Your signing key on this workstation is locked with your password.'}{' '}
          Enter the password you sign in with.
        </p>
        <ProblemBanner title="Not signed" error={error} />
        <TextField label="Your password" type="password" {...field('password')} autoComplete="current-password" autoFocus />
        <FormActions className="dialog__actions" busy={isSubmitting} onCancel={onClose} confirmLabel="Sign" />
      </form>
    </Dialog>
  );
}
