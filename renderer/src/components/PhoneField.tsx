import type { UseFormRegisterReturn } from 'react-hook-form';
import { callingCodeOf } from '../../../shared/domain/phone';
import { useClinicPhoneCountry } from '../hooks/use-clinic-phones';
import { TextField } from './TextField';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

export interface PhoneFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  autoComplete?: string;
}

/**
 * A phone as people write it: with a country code ("+44 7700 900 123") or without, then read as
 * the clinic's default phone country. The form's schema (withClinicPhones) does the reading.
 */
export function PhoneField({ autoComplete = 'off', ...field }: PhoneFieldProps) {
  const country = useClinicPhoneCountry();
  const name = countryNames.of(country) ?? country;
  const hint = `Without a country code: a number in ${name} (${callingCodeOf(country)}).`;
  return <TextField {...field} type="tel" autoComplete={autoComplete} hint={hint} />;
}
