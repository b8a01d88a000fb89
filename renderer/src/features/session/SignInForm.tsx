import { SignInInput } from '../../../../shared/ipc/auth-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { TextField } from '../../components/TextField';
import { usePasswordForm } from '../../forms/use-password-form';
import { useAppStore } from '../../stores/app-store';

/** What the banner says about each refusal; main's own message for any other. */
const REFUSALS: Partial<Record<AppError['code'], { title: string; text?: string }>> = {
  INVALID_CREDENTIALS: {
    title: 'The user name or password is not right',
    text: 'Check both and try again. Several wrong tries lock the account for a while.',
  },
  // LOCKED_OUT: main's message says how many minutes are left.
  LOCKED_OUT: { title: 'This account is locked for now' },
  ACCOUNT_INACTIVE: { title: 'This account is switched off', text: 'Ask a super administrator to reactivate it.' },
};

/** User name or email and password; used by the sign-in screen and by "Sign in as someone else". */
export function SignInForm({ submitLabel = 'Sign in' }: { submitLabel?: string }) {
  const signIn = useAppStore((state) => state.signIn);
  // The name stays; the password is typed again.
  const { field, isSubmitting, error, onSubmit } = usePasswordForm(SignInInput, { identifier: '', password: '' }, signIn, {
    refocus: true,
  });
  const refusal = error ? (REFUSALS[error.code] ?? { title: 'Signing in did not work' }) : null;

  return (
    <form className="signin__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting}>
      {error && refusal ? (
        <Banner tone="error" title={refusal.title} key={`${error.code}-${error.message}`}>
          <p data-testid="sign-in-error">{refusal.text ?? error.message}</p>
        </Banner>
      ) : null}
      <fieldset className="signin__fields" disabled={isSubmitting}>
        <TextField label="User name or email" {...field('identifier')} autoComplete="username" autoFocus />
        <TextField label="Password" type="password" {...field('password')} autoComplete="current-password" />
      </fieldset>
      <BusyButton type="submit" className="button button--primary signin__submit" busy={isSubmitting} busyLabel="Signing in…">
        {submitLabel}
      </BusyButton>
    </form>
  );
}
