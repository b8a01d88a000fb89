import { useState } from 'react';
import { KioskBirthDateSignInInput } from '../../../../shared/ipc/kiosk/schemas';
import type { AppError } from '../../../../shared/ipc/result';
import { DateFormField } from '../../components/DateField';
import { BusyButton } from '../../components/BusyButton';
import { TextField } from '../../components/TextField';
import { useKioskStore } from '../../stores/kiosk-store';
import { KioskRefusal } from './KioskRefusal';
import { useZodForm } from '../../forms/use-zod-form';

/** Main's messages speak to staff; a patient gets the same meaning in their words. */
function patientMessage(error: AppError): string {
  if (error.code === 'INVALID_CREDENTIALS') return 'We could not find you with these details. Please check them, or ask at the front desk.';
  if (error.code === 'LOCKED_OUT') return 'For your safety, checking in here is paused for a while. Please ask at the front desk.';
  if (error.code === 'ACCOUNT_INACTIVE' || error.code === 'CONFLICT') return 'Please check in at the front desk.';
  return error.message;
}

/**
 * Check-in for patients without email or kiosk password: name, date of birth and the last four
 * digits of their phone. A refusal empties the digits, so the next person does not see them.
 */
export function KioskBirthDateSignIn() {
  const signInByBirthDate = useKioskStore((state) => state.signInByBirthDate);
  const [error, setError] = useState<AppError | null>(null);
  const { control, handleSubmit, resetField, errors, isSubmitting, field } = useZodForm(KioskBirthDateSignInInput, {
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    phoneLastFour: '',
  });
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signInByBirthDate(values);
    if (!result.ok) {
      setError(result.error);
      resetField('phoneLastFour');
    }
  });
  return (
    <form className="kiosk-card kiosk-signin" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Check in with your date of birth">
      <KioskRefusal error={error} title="We could not find you" patientMessage={patientMessage} />
      <div className="kiosk-signin__row">
        <TextField label="First name" {...field('firstName')} autoComplete="off" />
        <TextField label="Last name" {...field('lastName')} autoComplete="off" />
      </div>
      <DateFormField control={control} name="dateOfBirth" label="Date of birth" error={errors.dateOfBirth?.message} />
      <TextField
        label="Last 4 digits of your phone"
        {...field('phoneLastFour')}
        autoComplete="off"
        hint="The phone number the clinic has for you."
      />
      <BusyButton type="submit" className="kiosk-button kiosk-button--primary" busy={isSubmitting}>
        Continue
      </BusyButton>
    </form>
  );
}
