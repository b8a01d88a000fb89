import { useState, type ReactNode } from 'react';
import type { AppError, Result } from '../../../shared/ipc/result';
import { Dialog } from './Dialog';
import { FormActions } from './FormActions';
import { ProblemBanner } from './ProblemBanner';

/**
 * Asks before one action, runs it, and shows main's refusal in place when it fails; what follows
 * a success is the caller's (`onConfirmed`: close, show the outcome, nothing when the screen goes).
 */
export function ConfirmDialog<T>({
  title,
  children,
  confirmLabel,
  tone = 'primary',
  failureTitle,
  onConfirm,
  onConfirmed,
  onClose,
  stayOpenWhileBusy = false,
}: {
  title: string;
  /** What the action changes, in the dialog's words. */
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  failureTitle: string;
  onConfirm: () => Promise<Result<T>>;
  onConfirmed: (data: T) => void;
  onClose: () => void;
  /** Escape does nothing while the action runs (one that must not be left half-watched). */
  stayOpenWhileBusy?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) onConfirmed(result.data);
    else setError(result.error);
  }
  return (
    <Dialog title={title} onClose={stayOpenWhileBusy && busy ? () => undefined : onClose}>
      {children}
      <ProblemBanner title={failureTitle} error={error} />
      <FormActions className="dialog__actions" busy={busy} onCancel={onClose} confirmLabel={confirmLabel} tone={tone} onConfirm={() => void confirm()} />
    </Dialog>
  );
}
