import type { DoctorOption } from '../../stores/reception-store';
import { parseWish, specializationsOf, wishValue, type Wish } from './wish';

/** One keyboard-friendly select for "any doctor / a specialization / this doctor". */
export function WishSelect({
  id,
  label,
  value,
  doctors,
  onChange,
  allowAny = true,
}: {
  id: string;
  label: string;
  value: Wish;
  doctors: readonly DoctorOption[];
  onChange(wish: Wish): void;
  allowAny?: boolean;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input field__select"
        value={wishValue(value)}
        onChange={(event) => onChange(parseWish(event.target.value))}
      >
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
    </div>
  );
}
