import type { PatientSearchPage } from '../../../shared/ipc/reception/types';

/**
 * How many patients a search lists of how many it finds: "3 patients", "12 of 57", "12 of 1000+"
 * (the count stops at a cap). The Patients section and the booking dialog's typeahead say it alike.
 */
export function patientSearchCount(page: Pick<PatientSearchPage, 'patients' | 'total' | 'totalIsAtLeast'>): string {
  if (page.patients.length === page.total && !page.totalIsAtLeast)
    return `${page.total} ${page.total === 1 ? 'patient' : 'patients'}`;
  return `${page.patients.length} of ${page.total}${page.totalIsAtLeast ? '+' : ''}`;
}
