import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

/**
 * The Cancel and confirm buttons that end a form or a dialog. Both wait while the work runs; the
 * confirm button submits its form unless `onConfirm` is given (a dialog without a form).
 */
export function FormActions({
  className,
  busy,
  onCancel,
  confirmLabel,
  onConfirm,
  tone = 'primary',
  cancelLabel = 'Cancel',
}: {
  /** Where the row sits in its form: `dialog__actions`, `form-actions`, … */
  className: string;
  busy: boolean;
  onCancel: () => void;
  confirmLabel: ReactNode;
  onConfirm?: () => void;
  tone?: 'primary' | 'danger';
  cancelLabel?: string;
}) {
  return (
    <div className={className}>
      <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
        {cancelLabel}
      </button>
      <button type={onConfirm ? 'button' : 'submit'} className={`button button--${tone}`} onClick={onConfirm} disabled={busy}>
        {busy ? <Spinner /> : null}
        {confirmLabel}
      </button>
    </div>
  );
}
