import type { ReactNode } from 'react';
import { FieldError } from './TextField';

/** The ids a field's control points at with aria-describedby: its hint, or its error once shown. */
export function describedByOf(id: string, { hint, error }: { hint?: ReactNode; error?: string | undefined }): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

/**
 * The frame of one form field: its label, the control the caller gives (input, select, textarea,
 * combobox), then the hint or, once there is one, the error. The control carries `id` and points
 * at the hint or error with `describedByOf(id, …)`.
 */
export function FormField({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  );
}
