import { useState } from 'react';
import type { AppError, Result } from '../../../shared/ipc/result';
import { Dialog } from './Dialog';
import { Spinner } from './Spinner';
import { ProblemBanner } from './ProblemBanner';

/**
 * Deactivate or reactivate someone (a staff account, a doctor, a patient): nothing is deleted,
 * and the dialog says what changes for them. Closes on success; shows main's refusal otherwise.
 */
export function ActiveStatusDialog({
  name,
  isActive,
  whenReactivated,
  whenDeactivated,
  onConfirm,
  onClose,
}: {
  name: string;
  isActive: boolean;
  whenReactivated: string;
  whenDeactivated: string;
  onConfirm: (activate: boolean) => Promise<Result<unknown>>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const activate = !isActive;
  async function confirm() {
    setBusy(true);
    const result = await onConfirm(activate);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  }
  return (
    <Dialog title={`${activate ? 'Reactivate' : 'Deactivate'} ${name}?`} onClose={onClose}>
      <p className="dialog__text">{activate ? whenReactivated : whenDeactivated}</p>
      {error ? (
        <ProblemBanner title="That did not work" error={error} />
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className={`button ${activate ? 'button--primary' : 'button--danger'}`} onClick={() => void confirm()} disabled={busy}>
          {busy ? <Spinner /> : null}
          {activate ? 'Reactivate' : 'Deactivate'}
        </button>
      </div>
    </Dialog>
  );
}
