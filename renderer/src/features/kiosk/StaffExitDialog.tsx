import { KioskExitInput } from '../../../../shared/ipc/kiosk/schemas';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useKioskStore } from '../../stores/kiosk-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { usePasswordForm } from './use-password-form';

/** Staff leave kiosk mode with their own front-desk or admin sign-in; they are signed in afterwards. */
export function StaffExitDialog({ onClose }: { onClose: () => void }) {
  const exit = useKioskStore((state) => state.exit);
  const {
    form: {
      register,
      formState: { errors, isSubmitting },
    },
    error,
    onSubmit,
  } = usePasswordForm(KioskExitInput, { identifier: '', password: '' }, exit);
  return (
    <Dialog title="Leave kiosk mode" onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="dialog__text">For staff only. Sign in with a front-desk or administrator account; you stay signed in afterwards.</p>
        {error ? (
          <ProblemBanner title="Kiosk mode was not left" error={error} />
        ) : null}
        <TextField label="Staff user name or email" registration={register('identifier')} error={errors.identifier?.message} autoComplete="off" autoFocus />
        <TextField label="Staff password" type="password" registration={register('password')} error={errors.password?.message} autoComplete="off" />
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={isSubmitting}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? <Spinner /> : null}
            Leave kiosk mode
          </button>
        </div>
      </form>
    </Dialog>
  );
}
