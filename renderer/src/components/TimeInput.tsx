import { useId, useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { timeEntryPattern } from '../../../shared/domain/date-entry';
import { readTimeEntry } from '../../../shared/domain/plain-date';
import { formatClockTime, useDisplayLocale } from '../stores/display-format';
import { FieldError } from './TextField';
import type { TypedEntryProps } from './typed-entry-props';

const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** `value`: 'HH:MM' (24-hour, as stored), '' when empty, or the text typed when it was not a time. */
export interface TimeInputProps extends TypedEntryProps {
  placeholder?: string;
}

/**
 * A time of day on the clinic's clock: shown '9:15 AM' on a 12-hour clock, '09:15' on a 24-hour
 * one; reads what people type ('9:15 am', '915', '21.15') into 'HH:MM'. While the field has focus
 * it keeps what was typed; on leaving, a time that could be read is shown back on the clinic's clock.
 */
export function TimeInput({ value, onChange, onBlur, id, ariaLabel, describedBy, invalid, className, placeholder }: TimeInputProps) {
  const display = useDisplayLocale();
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? (isClockTime(value) ? formatClockTime(value) : value);
  return (
    <input
      id={id}
      type="text"
      autoComplete="off"
      spellCheck={false}
      className={`field__input time-input time-input--${display.hourCycle}${className ? ` ${className}` : ''}`}
      placeholder={placeholder ?? timeEntryPattern(display)}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      value={shown}
      maxLength={11}
      onChange={(event) => {
        const text = event.target.value;
        setTyped(text);
        onChange(text.trim() === '' ? '' : (readTimeEntry(text) ?? text));
      }}
      onBlur={() => {
        setTyped(null);
        onBlur?.();
      }}
    />
  );
}

/** The message for a time that could not be read, in the clinic's clock. */
export function timeEntryProblem(value: string, hourCycle: 'h12' | 'h23'): string | null {
  if (value === '' || isClockTime(value)) return null;
  return hourCycle === 'h12' ? 'Not a time: write it like 9:15 AM or 2:30 PM.' : 'Not a time: write it like 09:15 or 14:30.';
}

/** A labelled time field bound to a react-hook-form field holding 'HH:MM'; names a time it cannot read on the clinic's clock. */
export function TimeFormField<T extends FieldValues>({
  control,
  name,
  label,
  error,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  error?: string | undefined;
}) {
  const { field } = useController({ control, name });
  const display = useDisplayLocale();
  const id = useId();
  const value = typeof field.value === 'string' ? field.value : '';
  const problem = timeEntryProblem(value, display.hourCycle) ?? error ?? null;
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <TimeInput id={id} value={value} onChange={field.onChange} onBlur={field.onBlur} invalid={Boolean(problem)} describedBy={problem ? `${id}-error` : undefined} />
      {problem ? <FieldError id={`${id}-error`} message={problem} /> : null}
    </div>
  );
}
