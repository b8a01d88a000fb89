import { useCallback } from 'react';
import { clinicPhoneCountry, formatPhone, type PhoneCountry } from '../../../shared/domain/phone';
import { useAppStore } from '../stores/app-store';

/** The clinic's default phone country, as main's status says (the setting, or its guess). */
export function useClinicPhoneCountry(): PhoneCountry {
  return useAppStore((state) => clinicPhoneCountry(state.status?.phoneCountry, state.status?.timezone));
}

/** Formats stored phones for the clinic's country; unparsable old rows come back as stored. */
export function usePhoneFormat(): (stored: string) => string {
  const country = useClinicPhoneCountry();
  return useCallback((stored: string) => formatPhone(stored, country), [country]);
}
