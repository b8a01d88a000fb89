import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';

/**
 * Why a kiosk sign-in did not work, said to the patient: `patientMessage` turns main's staff-facing
 * refusal into the patient's words; too many tries has the same title on every sign-in form.
 */
export function KioskRefusal({
  error,
  title,
  patientMessage,
}: {
  error: AppError | null;
  title: string;
  patientMessage(error: AppError): string;
}) {
  if (!error) return null;
  return (
    <Banner tone="error" title={error.code === 'LOCKED_OUT' ? 'Too many attempts' : title}>
      <p>{patientMessage(error)}</p>
    </Banner>
  );
}
