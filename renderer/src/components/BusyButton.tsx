import type { ReactNode } from 'react';
import { Spinner } from './Spinner';

/**
 * A button that waits while its work runs: disabled, with a spinner before its label, or before
 * `busyLabel` when the button says what it is doing ("Signing in…").
 */
export function BusyButton({
  busy,
  className,
  type = 'button',
  onClick,
  disabled = false,
  busyLabel,
  children,
}: {
  busy: boolean;
  className: string;
  type?: 'button' | 'submit';
  onClick?: () => void;
  /** Also off for a reason of its own (nothing to save yet). */
  disabled?: boolean;
  busyLabel?: ReactNode;
  children: ReactNode;
}) {
  return (
    <button type={type} className={className} onClick={onClick} disabled={busy || disabled}>
      {busy ? <Spinner /> : null}
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
