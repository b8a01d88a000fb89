import { useId, useState, type KeyboardEvent } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { dateEntryPattern, formatDateEntry, readDateEntry } from '../../../shared/domain/date-entry';
import { addDays, isIsoDate } from '../../../shared/domain/plain-date';
import { useDisplayLocale } from '../stores/display-format';
import { FieldError } from './TextField';
import type { TypedEntryProps } from './typed-entry-props';

/** `value`: an ISO plain date, '' when empty, or the text typed when it could not be read as a date. */
export interface DateInputProps extends TypedEntryProps {
  autoFocus?: boolean;
}

/**
 * A date typed in the clinic's order ('MM/DD/YYYY' in en-US, 'DD/MM/YYYY' in en-GB), never the
 * workstation's: a browser date input follows the operating system. What was typed stays as it
 * is while the field has focus; on leaving, a date that could be read is shown back in the
 * clinic's order. Up and down arrows move the date a day (with Shift, a week).
 */
export function DateInput({ value, onChange, onBlur, id, ariaLabel, describedBy, invalid, className, autoFocus }: DateInputProps) {
  const { locale } = useDisplayLocale();
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? (isIsoDate(value) ? formatDateEntry(value, locale) : value);
  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const current = readDateEntry(shown, locale);
    if (!current) return;
    event.preventDefault();
    setTyped(null);
    onChange(addDays(current, (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 7 : 1)));
  };
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className={`field__input date-input${className ? ` ${className}` : ''}`}
      placeholder={dateEntryPattern(locale)}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      autoFocus={autoFocus}
      value={shown}
      onChange={(event) => {
        const text = event.target.value;
        setTyped(text);
        onChange(text.trim() === '' ? '' : (readDateEntry(text, locale) ?? text));
      }}
      onKeyDown={step}
      onBlur={() => {
        setTyped(null);
        onBlur?.();
      }}
    />
  );
}

/** The message for a date that could not be read, naming the order to write it in. */
export function dateEntryProblem(value: string, locale: string): string | null {
  if (value === '' || isIsoDate(value)) return null;
  return `Not a date: write it as ${dateEntryPattern(locale)}, e.g. ${formatDateEntry('2026-12-24', locale)}.`;
}

export interface DateFieldProps extends Omit<DateInputProps, 'describedBy' | 'invalid' | 'ariaLabel'> {
  label: string;
  /** The form's own problem with the date (too early, required, …); an unreadable date is named here first. */
  error?: string | null | undefined;
  className?: string;
}

/** A labelled date field: the clinic's order as its hint, and a clear error when the text is not a date. */
export function DateField({ label, error, className, ...input }: DateFieldProps) {
  const { locale } = useDisplayLocale();
  const generated = useId();
  const id = input.id ?? generated;
  const problem = dateEntryProblem(input.value, locale) ?? error ?? null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${problem ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <DateInput {...input} id={id} invalid={Boolean(problem)} describedBy={problem ? errorId : hintId} />
      {problem ? (
        <FieldError id={errorId} message={problem} />
      ) : (
        <p className="field__hint" id={hintId}>
          {dateEntryPattern(locale)}
        </p>
      )}
    </div>
  );
}

/** A DateField bound to a react-hook-form field holding an ISO plain date. */
export function DateFormField<T extends FieldValues>({
  control,
  name,
  label,
  error,
  autoFocus,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const { field } = useController({ control, name });
  return (
    <DateField
      label={label}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
