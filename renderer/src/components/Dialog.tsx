import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useAppStore } from '../stores/app-store';

/**
 * A modal dialog (the platform's <dialog>: focus stays inside, Escape closes it).
 *
 * A modal dialog sits in the browser's top layer, above anything the page draws, and makes the
 * rest of the page inert, the lock screen included. So while the workstation is locked it is
 * closed (not unmounted: what was typed stays) and opened again, with focus where it was, on unlock.
 */
export function Dialog({
  title,
  children,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const focusBeforeLock = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const locked = useAppStore((state) => state.locked);

  useEffect(() => {
    const dialog = ref.current;
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (locked) {
      if (!dialog.open) return;
      const active = document.activeElement;
      focusBeforeLock.current = active instanceof HTMLElement && dialog.contains(active) ? active : null;
      dialog.close();
    } else if (!dialog.open) {
      dialog.showModal();
      focusBeforeLock.current?.focus();
      focusBeforeLock.current = null;
    }
  }, [locked]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
