import { useEffect, useState } from 'react';
import { UnlockInput } from '../../../../shared/ipc/auth-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Banner } from '../../components/Banner';
import { Brand } from '../../components/BrandMark';
import { BusyButton } from '../../components/BusyButton';
import { TextField } from '../../components/TextField';
import { usePasswordForm } from '../../forms/use-password-form';
import { useAppStore } from '../../stores/app-store';
import { SignInForm } from './SignInForm';

function unlockProblem(error: AppError): { title: string; text: string } {
  if (error.code === 'INVALID_CREDENTIALS') return { title: 'That password is not right', text: 'Try again.' };
  if (error.code === 'LOCKED_OUT') return { title: 'This account is locked for now', text: error.message };
  return { title: 'Unlocking did not work', text: error.message };
}

function UnlockForm({ onSomeoneElse }: { onSomeoneElse: () => void }) {
  const unlock = useAppStore((state) => state.unlock);
  const { field, setFocus, isSubmitting, error, onSubmit } = usePasswordForm(
    UnlockInput,
    { password: '' },
    ({ password }) => unlock(password),
    { refocus: true },
  );
  const problem = error ? unlockProblem(error) : null;
  // autoFocus alone can lose: a modal dialog of the work below may still hold focus while this mounts.
  useEffect(() => setFocus('password'), [setFocus]);

  return (
    <form className="signin__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting}>
      {problem ? (
        <Banner tone="error" title={problem.title}>
          <p>{problem.text}</p>
        </Banner>
      ) : null}
      <fieldset className="signin__fields" disabled={isSubmitting}>
        <TextField label="Password" type="password" {...field('password')} autoComplete="current-password" autoFocus />
      </fieldset>
      <BusyButton type="submit" className="button button--primary signin__submit" busy={isSubmitting} busyLabel="Unlocking…">
        Unlock
      </BusyButton>
      <button type="button" className="button button--ghost signin__alt" onClick={onSomeoneElse}>
        Sign in as someone else
      </button>
    </form>
  );
}

/**
 * Covers the whole window with an opaque layer while the workstation is locked. The app below
 * stays mounted (so nobody loses their place) but is inert and hidden from assistive technology.
 */
export function LockScreen({ user, clinicName }: { user: SessionUser; clinicName: string | null }) {
  const [someoneElse, setSomeoneElse] = useState(false);
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <section className="card signin__card" data-testid="lock-screen">
        <Brand size={32} />
        <div className="signin__heading">
          <p className="lock-screen__badge">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect x="3" y="7" width="10" height="7" rx="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
            </svg>
            {clinicName ?? 'Workstation'} is locked
          </p>
          <h1 id="lock-title" className="signin__title">
            {someoneElse ? 'Sign in as someone else' : `Locked — ${user.displayName}`}
          </h1>
          <p className="signin__text">
            {someoneElse
              ? `${user.displayName}’s open work is closed when you sign in.`
              : 'Enter your password to carry on where you left off.'}
          </p>
        </div>
        {someoneElse ? (
          <>
            <SignInForm />
            <button type="button" className="button button--ghost signin__alt" onClick={() => setSomeoneElse(false)}>
              Back to unlock
            </button>
          </>
        ) : (
          <UnlockForm onSomeoneElse={() => setSomeoneElse(true)} />
        )}
      </section>
    </div>
  );
}
