import { useMemo } from 'react';
import { callingCodeOf, isPhoneCountry, phoneCountries } from '../../../../../shared/domain/phone';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Austria (AT, +43)"; the code alone when the browser has no name for it. */
export function phoneCountryLabel(code: string): string {
  if (!isPhoneCountry(code)) return code;
  const name = regionNames.of(code);
  return name && name !== code ? `${name} (${code}, ${callingCodeOf(code)})` : `${code} (${callingCodeOf(code)})`;
}

/**
 * The clinic's default phone country: a list of the countries the phone rules know, by name,
 * and "guess from the time zone" (an empty setting).
 */
export function PhoneCountrySelect({
  id,
  label,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange(code: string): void;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  const options = useMemo(
    () => phoneCountries().map((code) => ({ code, label: phoneCountryLabel(code) })).sort((a, b) => a.label.localeCompare(b.label)),
    [],
  );
  return (
    <select
      id={id}
      className="field__input field__select"
      aria-label={label}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">Guess from the clinic's time zone</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
