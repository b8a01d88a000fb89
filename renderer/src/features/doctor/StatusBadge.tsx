import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { SignatureCheck } from '../../../../shared/ipc/doctor/types';
import { signatureLabel, STATUS_TONE } from './format';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <span className={`appt-status appt-status--${STATUS_TONE[status]}`}>{status}</span>;
}

/** Whether the prescription's signature holds, as main verified it just now. */
export function SignatureBadge({ signature }: { signature: SignatureCheck }) {
  const label = signatureLabel(signature);
  const title = signature.state === 'invalid' ? signature.reason : signature.state === 'valid' ? `Key ${signature.keyId}` : undefined;
  return (
    <span className={`sig-badge sig-badge--${label.tone}`} title={title} data-testid="signature-status">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        {label.tone === 'valid' ? <path d="M3.5 8.5l3 3 6-7" /> : label.tone === 'invalid' ? <path d="M4 4l8 8M12 4l-8 8" /> : <path d="M3 8h10" />}
      </svg>
      {label.text}
    </span>
  );
}
