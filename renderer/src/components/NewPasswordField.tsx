import type { UseFormRegisterReturn } from 'react-hook-form';
import { NEW_PASSWORD_MIN_LENGTH } from '../../../shared/ipc/schemas';
import { TextField } from './TextField';

/**
 * A new password for a staff or doctor account: hidden, offered to the password manager as new,
 * and its hint states the same minimum length the contract checks, with the screen's own advice.
 */
export function NewPasswordField({
  label,
  registration,
  error,
  advice,
  autoFocus,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  advice?: string;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      label={label}
      type="password"
      registration={registration}
      error={error}
      autoComplete="new-password"
      hint={`At least ${NEW_PASSWORD_MIN_LENGTH} characters.${advice ? ` ${advice}` : ''}`}
      autoFocus={autoFocus}
    />
  );
}
