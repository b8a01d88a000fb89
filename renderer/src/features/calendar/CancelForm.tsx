import { useId, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';

export interface CancelFormProps {
  /** Cancels; resolves with the refusal, if any (the form then stays open with what was typed). */
  onCancel(reason: string): Promise<AppError | null>;
  onKeep(): void;
  autoFocus?: boolean;
}

/**
 * Cancel with a reason. The reason is optional unless the clinic's late-cancellation policy asks
 * for one: main says so (REASON_REQUIRED), the message shows under the field and nothing typed is lost.
 */
export function CancelForm({ onCancel, onKeep, autoFocus = true }: CancelFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="cancel-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const refusal = await onCancel(reason);
        setBusy(false);
        setError(refusal);
      }}
    >
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={id}>
          Reason for cancelling
        </label>
        <textarea
          id={id}
          className="field__input cancel-form__reason"
          rows={2}
          maxLength={500}
          value={reason}
          placeholder="e.g. Patient called: travelling"
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          // The form opens because the person asked to cancel: the reason is the next thing to type.
          autoFocus={autoFocus}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {error.message}
          </p>
        ) : null}
      </div>
      <div className="cancel-form__actions">
        <button type="button" className="button button--ghost button--small" onClick={onKeep} disabled={busy}>
          Keep appointment
        </button>
        <button type="submit" className="button button--danger button--small" disabled={busy}>
          {busy ? 'Cancelling…' : 'Cancel appointment'}
        </button>
      </div>
    </form>
  );
}
