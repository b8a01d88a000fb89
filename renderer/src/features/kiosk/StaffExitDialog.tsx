import { KioskExitInput } from '../../../../shared/ipc/kiosk/schemas';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useKioskStore } from '../../stores/kiosk-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { usePasswordForm } from '../../forms/use-password-form';
import { FormActions } from '../../components/FormActions';

/** Staff leave kiosk mode with their own front-desk or admin sign-in; they are signed in afterwards. */
export function StaffExitDialog({ onClose }: { onClose: () => void }) {
  const exit = useKioskStore((state) => state.exit);
  const { field, isSubmitting, error, onSubmit } = usePasswordForm(KioskExitInput, { identifier: '', password: '' }, exit);
  return (
    <Dialog title="Leave kiosk mode" onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="dialog__text">For staff only. Sign in with a front-desk or administrator account; you stay signed in afterwards.</p>
        <ProblemBanner title="Kiosk mode was not left" error={error} />
        <TextField label="Staff user name or email" {...field('identifier')} autoComplete="off" autoFocus />
        <TextField label="Staff password" type="password" {...field('password')} autoComplete="off" />
        <FormActions className="dialog__actions" busy={isSubmitting} onCancel={onClose} confirmLabel="Leave kiosk mode" />
      </form>
    </Dialog>
  );
}
