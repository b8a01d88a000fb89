import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedByOf, FormField } from './FormField';

export interface TextFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  // no 'date': dates go through DateField, in the clinic's order rather than the browser's
  type?: 'text' | 'email' | 'password' | 'tel';
  placeholder?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({
  label,
  registration,
  error,
  hint,
  type = 'text',
  placeholder,
  autoComplete,
  autoFocus,
}: TextFieldProps) {
  const id = useId();
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="field__input"
        type={type}
        placeholder={placeholder}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, { hint, error })}
        {...registration}
      />
    </FormField>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field__error" id={id}>
      <svg className="field__error-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" />
        <path d="M8 4.5v4.25M8 11.1v.4" />
      </svg>
      {message}
    </p>
  );
}
