import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SignInInput } from '../../../../shared/ipc/auth-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useAppStore } from '../../stores/app-store';

type SignInValues = { identifier: string; password: string };

function bannerTitle(error: AppError): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'The user name or password is not right';
    case 'LOCKED_OUT':
      return 'This account is locked for now';
    case 'ACCOUNT_INACTIVE':
      return 'This account is switched off';
    default:
      return 'Signing in did not work';
  }
}

function bannerText(error: AppError): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return 'Check both and try again. Several wrong tries lock the account for a while.';
    case 'ACCOUNT_INACTIVE':
      return 'Ask a super administrator to reactivate it.';
    default:
      // LOCKED_OUT: main's message says how many minutes are left.
      return error.message;
  }
}

/** User name or email and password; used by the sign-in screen and by "Sign in as someone else". */
export function SignInForm({ submitLabel = 'Sign in' }: { submitLabel?: string }) {
  const signIn = useAppStore((state) => state.signIn);
  const [error, setError] = useState<AppError | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues, unknown, SignInInput>({
    resolver: zodResolver(SignInInput),
    defaultValues: { identifier: '', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn(values);
    if (result.ok) return;
    setError(result.error);
    // The name stays; the password is typed again.
    setValue('password', '');
    setFocus('password');
  });

  return (
    <form className="signin__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting}>
      {error ? (
        <Banner tone="error" title={bannerTitle(error)} key={`${error.code}-${error.message}`}>
          <p data-testid="sign-in-error">{bannerText(error)}</p>
        </Banner>
      ) : null}
      <fieldset className="signin__fields" disabled={isSubmitting}>
        <TextField
          label="User name or email"
          registration={register('identifier')}
          error={errors.identifier?.message}
          autoComplete="username"
          autoFocus
        />
        <TextField
          label="Password"
          type="password"
          registration={register('password')}
          error={errors.password?.message}
          autoComplete="current-password"
        />
      </fieldset>
      <button type="submit" className="button button--primary signin__submit" disabled={isSubmitting}>
        {isSubmitting ? (
          <>
            <Spinner /> Signing in…
          </>
        ) : (
          submitLabel
        )}
      </button>
    </form>
  );
}
