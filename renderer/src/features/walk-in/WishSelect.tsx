import { describedByOf, FormField } from '../../components/FormField';
import type { DoctorOption } from '../../stores/reception-store';
import { parseWish, specializationsOf, wishValue, type Wish } from './wish';

/**
 * One keyboard-friendly select for "any doctor / a specialization / this doctor". A null value
 * shows "Choose…": where no choice is a safe guess, none is made for the desk.
 */
export function WishSelect({
  id,
  label,
  value,
  doctors,
  onChange,
  allowAny = true,
  error,
}: {
  id: string;
  label: string;
  value: Wish | null;
  doctors: readonly DoctorOption[];
  onChange(wish: Wish): void;
  allowAny?: boolean;
  error?: string | undefined;
}) {
  return (
    <FormField id={id} label={label} error={error}>
      <select
        id={id}
        className="field__input field__select"
        value={value ? wishValue(value) : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(id, { error })}
        onChange={(event) => onChange(parseWish(event.target.value))}
      >
        {value === null ? (
          <option value="" disabled>
            Choose…
          </option>
        ) : null}
        {allowAny ? <option value="any">Any doctor (soonest)</option> : null}
        <optgroup label="Specialization">
          {specializationsOf(doctors).map((s) => (
            <option key={s} value={`spec:${s}`}>
              Any {s}
            </option>
          ))}
        </optgroup>
        <optgroup label="Doctor">
          {doctors.map((d) => (
            <option key={d.id} value={`doc:${d.id}`}>
              {d.name} · {d.specialization}
            </option>
          ))}
        </optgroup>
      </select>
    </FormField>
  );
}
