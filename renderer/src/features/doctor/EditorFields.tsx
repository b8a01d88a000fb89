import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedByOf, FormField } from '../../components/FormField';

interface FieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  type?: 'text' | 'number';
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  /** id of a datalist of suggestions */
  list?: string;
}

/** A labelled input of the prescription editor (text or whole number), error announced with it. */
export function EditorField({ label, registration, error, type = 'text', placeholder, disabled, className, list }: FieldProps) {
  const id = useId();
  return (
    <FormField id={id} label={label} error={error} className={className}>
      <input
        id={id}
        className="field__input"
        type={type}
        inputMode={type === 'number' ? 'numeric' : undefined}
        min={type === 'number' ? 0 : undefined}
        placeholder={placeholder}
        disabled={disabled}
        list={list}
        autoComplete={list ? 'off' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, { error })}
        {...registration}
      />
    </FormField>
  );
}

export function EditorTextArea({ label, registration, error, placeholder, disabled, rows = 3 }: FieldProps & { rows?: number }) {
  const id = useId();
  return (
    <FormField id={id} label={label} error={error}>
      <textarea
        id={id}
        className="field__input field__textarea"
        rows={rows}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, { error })}
        {...registration}
      />
    </FormField>
  );
}
