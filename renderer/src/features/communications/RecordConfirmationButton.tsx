import { useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import { Spinner } from '../../components/Spinner';
import { useCommunicationsStore } from '../../stores/communications-store';
import { VIA_LABEL } from './labels';

/**
 * For the flow board: staff record that the patient confirmed (phone call, reply, at the desk).
 * The appointment becomes Confirmed and the latest message about it records the answer.
 * onConfirmed lets the board refresh its row.
 */
export function RecordConfirmationButton({
  appointment,
  onConfirmed,
  label = 'Patient confirmed…',
}: {
  appointment: { id: number; status: string };
  onConfirmed?: (status: string) => void;
  /** A shorter label where space is tight (the flow board's action column). */
  label?: string;
}) {
  const recordConfirmation = useCommunicationsStore((state) => state.recordConfirmation);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(appointment.status === 'Confirmed');
  if (appointment.status !== 'Scheduled' && appointment.status !== 'Confirmed') return null;

  async function record(via: keyof typeof VIA_LABEL) {
    setBusy(true);
    const result = await recordConfirmation(appointment.id, via);
    setBusy(false);
    setChoosing(false);
    if (result.ok) {
      setDone(true);
      setError(null);
      onConfirmed?.(result.data.status);
    } else setError(result.error);
  }

  if (done && !choosing) {
    return (
      <span className="confirm-button confirm-button--done">
        <span className="status-pill status-pill--ok">Confirmed</span>
      </span>
    );
  }
  return (
    <span className="confirm-button">
      {choosing ? (
        <span className="confirm-button__choices" role="group" aria-label="How did the patient confirm?">
          {(Object.keys(VIA_LABEL) as (keyof typeof VIA_LABEL)[]).map((via) => (
            <button key={via} type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void record(via)}>
              {VIA_LABEL[via].replace(/^by /, '').replace(/^./, (c) => c.toUpperCase())}
            </button>
          ))}
          <button type="button" className="button button--ghost button--small" onClick={() => setChoosing(false)} disabled={busy}>
            Cancel
          </button>
          {busy ? <Spinner /> : null}
        </span>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setChoosing(true)}>
          {label}
        </button>
      )}
      {error ? (
        <span className="confirm-button__error" role="alert">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
