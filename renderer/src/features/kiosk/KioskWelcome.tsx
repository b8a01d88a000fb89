import { useState } from 'react';
import { KioskSignInInput } from '../../../../shared/ipc/kiosk/schemas';
import type { AppError } from '../../../../shared/ipc/result';
import { BusyButton } from '../../components/BusyButton';
import { TextField } from '../../components/TextField';
import { useKioskStore } from '../../stores/kiosk-store';
import { KioskRefusal } from './KioskRefusal';
import { usePasswordForm } from '../../forms/use-password-form';
import { KioskBirthDateSignIn } from './KioskBirthDateSignIn';

/** Main's messages speak to staff; a patient gets the same meaning in their words. */
function patientMessage(error: AppError): string {
  if (error.code === 'INVALID_CREDENTIALS') return 'The email or password is not right. Please try again, or ask at the front desk.';
  if (error.code === 'LOCKED_OUT') return 'For your safety, signing in is paused for a while. Please ask at the front desk.';
  if (error.code === 'ACCOUNT_INACTIVE') return 'Your account cannot be used here. Please ask at the front desk.';
  return error.message;
}

type Way = 'birthDate' | 'password';

/**
 * The kiosk's resting screen: a patient checks in by name, date of birth and phone digits, or
 * signs in with their email and kiosk password (which also shows their prescriptions).
 */
export function KioskWelcome({ clinicName }: { clinicName: string | null }) {
  const [way, setWay] = useState<Way>('birthDate');
  return (
    <section className="kiosk-welcome" aria-labelledby="kiosk-welcome-title">
      <div className="kiosk-welcome__intro">
        <h1 id="kiosk-welcome-title" className="kiosk-welcome__title">
          Welcome{clinicName ? ` to ${clinicName}` : ''}
        </h1>
        <p className="kiosk-welcome__lead">Check in for today&apos;s appointment, see your prescriptions, or tell us how your visit went.</p>
      </div>
      <div className="kiosk-welcome__forms">
        <div className="kiosk-way" role="group" aria-label="How to sign in">
          <button type="button" className={`kiosk-way__option${way === 'birthDate' ? ' kiosk-way__option--on' : ''}`} aria-pressed={way === 'birthDate'} onClick={() => setWay('birthDate')}>
            Name and date of birth
          </button>
          <button type="button" className={`kiosk-way__option${way === 'password' ? ' kiosk-way__option--on' : ''}`} aria-pressed={way === 'password'} onClick={() => setWay('password')}>
            Email and password
          </button>
        </div>
        {way === 'birthDate' ? <KioskBirthDateSignIn /> : <KioskPasswordSignIn />}
      </div>
    </section>
  );
}

/** Email and kiosk password. */
function KioskPasswordSignIn() {
  const signIn = useKioskStore((state) => state.signIn);
  const { field, isSubmitting, error, onSubmit } = usePasswordForm(KioskSignInInput, { email: '', password: '' }, signIn);
  return (
    <form className="kiosk-card kiosk-signin" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Patient sign-in">
        <KioskRefusal error={error} title="We could not sign you in" patientMessage={patientMessage} />
        <TextField label="Email" type="email" {...field('email')} autoComplete="off" />
        <TextField label="Password" type="password" {...field('password')} autoComplete="off" />
        <BusyButton type="submit" className="kiosk-button kiosk-button--primary" busy={isSubmitting}>
          Sign in
        </BusyButton>
        <p className="kiosk-signin__help">No password yet? The front desk can set one up for you.</p>
      </form>
  );
}
